// One failure listing every violation, with its path, and nothing rendered.
def log = new File(basedir, 'build.log').text
assert log.contains("platform 'shop' has 3 violations")
assert log.contains('apps[storefront].team')
assert log.contains('apps[storefront].image')
assert log.contains('apps[storefront].ports[http].number')
assert !new File(basedir, 'target/goldenpath/shop').exists()
return true
