// The plugin found the platform generator next to the spec and its change reached every app object.
def tree = new File(basedir, 'target/goldenpath/shop')
['storefront', 'catalog'].each { app ->
    ['deployment.yaml', 'service.yaml', 'serviceaccount.yaml', 'networkpolicy.yaml'].each { file ->
        def yaml = new File(tree, "apps/production/${app}/${file}")
        assert yaml.isFile() : "no ${yaml}"
        assert yaml.text.contains('cost-center: cc-web-42') : "${yaml} lacks the generator's label"
    }
}
def log = new File(basedir, 'build.log').text
assert log.contains('goldenpath: shop passed: spec valid')
return true
