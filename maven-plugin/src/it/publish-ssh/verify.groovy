// The commit arrived in the repository sshd serves, through the ed25519 key of the settings.xml server.
def pid = new File(basedir, 'target/ssh/sshd.pid')
if (pid.exists()) {
    ProcessHandle.of(pid.text as long).ifPresent { it.destroy() }
}
if (new File(basedir, 'skipped').exists()) {
    return true
}
def process = ['git', "--git-dir=${new File(basedir, 'target/ssh/gitops.git')}", 'rev-list', '--count', 'main'].execute()
def count = process.text.trim()
assert process.waitFor() == 0 : 'no main branch in the repository sshd serves'
assert count == '1'
def log = new File(basedir, 'build.log').text
assert log.contains("goldenpath: credentials: SSH key of settings.xml server 'gitops-ssh'")
assert log.contains('goldenpath: published shop')
return true
