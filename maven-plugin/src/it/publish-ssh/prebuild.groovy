// Starts OpenSSH's sshd (the gitops module's test server) with an ed25519 client key, a bare repository and a
// hashed known_hosts holding only the ed25519 host key, and hands them to the build through .mvn/maven.config.
import dev.goldenpath.gitops.OpenSshServer
import dev.goldenpath.gitops.SshKeygen
import java.nio.file.Files

def dir = new File(basedir, 'target/ssh').toPath()
Files.createDirectories(dir)
def config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
if (!Files.isExecutable(OpenSshServer.SSHD)) {
    assert System.getenv('CI') != 'true' : "${OpenSshServer.SSHD} is missing on CI"
    println "SKIPPED: ${OpenSshServer.SSHD} is missing: install openssh-server to run this sample against a real sshd"
    config.text = '-Dgoldenpath.skip=true'
    new File(basedir, 'skipped').text = 'no sshd'
    return true
}
def sshd = OpenSshServer.start(dir.resolve('sshd'))
new File(basedir, 'target/ssh/sshd.pid').text = String.valueOf(sshd.pid())
def key = SshKeygen.generate('ed25519', dir.resolve('id_ed25519'), '')
sshd.authorize(key)
def repository = dir.resolve('gitops.git')
def init = ['git', 'init', '--bare', '--quiet', '--initial-branch=main', repository.toString()].execute()
assert init.waitFor() == 0
def knownHosts = SshKeygen.hash(Files.writeString(dir.resolve('known_hosts'), sshd.knownHostsLine('ed25519') + '\n'))
config.text = "-Dgoldenpath.repository=${sshd.url(repository)} -Dgoldenpath.knownHosts=${knownHosts}" +
        " -Dgoldenpath.serverId=gitops-ssh -Dgoldenpath.it.sshKey=${key}"
return true
