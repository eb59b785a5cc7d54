// The failure names the real cause (nothing compiled) and the fix, not the ServiceLoader convention.
def log = new File(basedir, 'build.log').text
assert log.contains('nothing compiled: ') : log
assert log.contains('Run them after compile: `mvn verify`, or `mvn compile goldenpath:check`')
assert !new File(basedir, 'target/goldenpath').exists()
return true
