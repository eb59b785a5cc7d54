// `mvn compile goldenpath:render` renders without the check; the help lists publish's parameters, its example
// lines kept apart, and documents skip.
def log = new File(basedir, 'build.log').text
assert log.contains('goldenpath: rendered shop: 2 app instances') : log
assert log.contains('43 files written, 0 removed')
assert !log.contains('passed: spec valid') : 'only render ran'
assert log.contains('goldenpath:publish')
assert log.contains('serverId')
assert log.contains('skip') && log.contains('Skips the goal')
def lines = log.readLines()
assert lines.any { it.trim().startsWith('mvn deploy: bound by default') } : 'the example of publish is flattened into one line'
assert lines.any { it.trim().startsWith('mvn verify goldenpath:publish: or after the checks') }
return true
