// One commit in the bare repository holding the rendered tree; the second publish committed nothing; the
// token from settings.xml was used and never printed.
def git(String... args) {
    def command = ['git', "--git-dir=${new File(basedir, 'target/gitops.git')}"] + args.toList()
    def process = command.execute()
    def out = process.text
    assert process.waitFor() == 0 : "git ${args} failed"
    return out
}
assert git('rev-list', '--count', 'main').trim() == '1'
assert git('log', '-1', '--format=%s', 'main').trim() == 'Render platform shop from com.example:shop-platform:1.0.0'
def files = git('ls-tree', '-r', '--name-only', 'main')
assert files.contains('apps/production/storefront/deployment.yaml')
assert files.contains('apps/production/catalog/networkpolicy.yaml')
assert files.contains('.goldenpath/owned/root.txt')
def log = new File(basedir, 'build.log').text
assert log.contains("goldenpath: credentials: token of settings.xml server 'gitops'")
assert log.contains('nothing to commit on main')
assert !log.contains('it-dummy-token-never-printed')
// One line names repository and branch (not the publisher's toString), then at most 20 file lines.
assert log.contains('goldenpath: published shop to ') && log.contains('gitops.git branch main: ')
assert log.contains('goldenpath: nothing to publish for shop to ')
assert !log.contains('Publisher[')
assert log.contains('more (git show --stat lists every file of the commit)')
return true
