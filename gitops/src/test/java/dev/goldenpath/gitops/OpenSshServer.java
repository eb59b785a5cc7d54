package dev.goldenpath.gitops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * OpenSSH's {@code sshd}, started by a test on a free loopback port with a generated configuration: its own
 * ed25519, ECDSA and RSA host keys (made by {@code ssh-keygen}), the ed25519 one also with a certificate signed
 * by a test CA, an authorized_keys and a revoked-keys file the test fills, no PAM, and {@code git-shell} as the
 * only command, so a session can run {@code git-upload-pack} and {@code git-receive-pack} and nothing else.
 */
public final class OpenSshServer implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    public static final List<String> KEY_TYPES = List.of("ed25519", "ecdsa", "rsa");

    private final Process process;
    private final int port;
    private final Path folder;

    private OpenSshServer(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /**
     * Skips the calling test when OpenSSH's sshd is not installed here; fails it on CI ({@code CI=true}), where
     * {@code .ci/run} installs it, so the tests cannot be skipped there without anyone noticing.
     */
    public static void requireSshd() {
        if (Files.isExecutable(SSHD)) {
            return;
        }
        String message = SSHD + " is missing: install OpenSSH's server (apt-get install openssh-server) to run"
                + " the tests against a real sshd";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: these tests must run on CI)");
        }
        Assumptions.abort(message);
    }

    /** Starts sshd with files under {@code folder} (created). */
    public static OpenSshServer start(Path folder) throws IOException, InterruptedException {
        requireSshd();
        Files.createDirectories(folder);
        try {
            // sshd's privilege separation directory; present on a machine where the sshd service ever ran.
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException notRoot) {
            // sshd says so in its log if it needs it.
        }
        StringBuilder hostKeys = new StringBuilder();
        for (String type : KEY_TYPES) {
            Path key = SshKeygen.generate(type, folder.resolve("ssh_host_" + type + "_key"), "");
            hostKeys.append("HostKey ").append(key).append('\n');
        }
        Path ca = SshKeygen.generate("ed25519", folder.resolve("host_ca"), "");
        Path certificate = SshKeygen.signHostKey(ca, folder.resolve("ssh_host_ed25519_key.pub"), "127.0.0.1,localhost");
        Path authorized = Files.writeString(folder.resolve("authorized_keys"), "");
        Path revoked = Files.writeString(folder.resolve("revoked_keys"), "");
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            Path config = Files.writeString(folder.resolve("sshd_config"), hostKeys
                    + "HostCertificate " + certificate + "\n"
                    + "ListenAddress 127.0.0.1:" + port + "\n"
                    + "AuthorizedKeysFile " + authorized + "\n"
                    + "RevokedKeys " + revoked + "\n"
                    + "StrictModes no\n"
                    + "UsePAM no\n"
                    + "PasswordAuthentication no\n"
                    + "KbdInteractiveAuthentication no\n"
                    + "PubkeyAuthentication yes\n"
                    + "PermitRootLogin prohibit-password\n"
                    + "AllowTcpForwarding no\n"
                    + "AllowAgentForwarding no\n"
                    + "X11Forwarding no\n"
                    + "PermitTTY no\n"
                    + "PidFile none\n"
                    + "LogLevel VERBOSE\n"
                    // Only git-upload-pack, git-receive-pack (and git-upload-archive) get through git-shell.
                    + "ForceCommand /usr/bin/git-shell -c \"$SSH_ORIGINAL_COMMAND\"\n");
            Path log = folder.resolve("sshd-" + port + ".log");
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new OpenSshServer(process, port, folder);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            if (attempt == 3) {
                throw new IOException("sshd did not start:\n" + Files.readString(log));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The process id of the listening sshd, for a build script that must stop it later. */
    public long pid() {
        return process.pid();
    }

    /** An ssh:// URL for a repository on this machine, logging in as the user running the tests. */
    public String url(Path repository) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repository.toAbsolutePath();
    }

    /** Adds the public key of {@code privateKey} to the server's authorized_keys (read on every login). */
    public void authorize(Path privateKey) throws IOException {
        append(folder.resolve("authorized_keys"), SshKeygen.publicKey(privateKey));
    }

    /** Lists the key in sshd's RevokedKeys: the server refuses it even though it is authorised. */
    public void revoke(Path privateKey) throws IOException {
        append(folder.resolve("revoked_keys"), SshKeygen.publicKey(privateKey));
    }

    /** The server's public host key of {@code type} as {@code <algorithm> <base64>}. */
    public String hostKey(String type) throws IOException {
        String[] fields = Files.readString(folder.resolve("ssh_host_" + type + "_key.pub")).strip().split(" ");
        return fields[0] + " " + fields[1];
    }

    /** The public key of the CA that signed the ed25519 host key's certificate. */
    public String certificateAuthority() throws IOException {
        String[] fields = Files.readString(folder.resolve("host_ca.pub")).strip().split(" ");
        return fields[0] + " " + fields[1];
    }

    /** The host pattern OpenSSH writes for this server: {@code [127.0.0.1]:port}. */
    public String hostPattern() {
        return "[127.0.0.1]:" + port;
    }

    /** A known_hosts line trusting only the host key of {@code type}. */
    public String knownHostsLine(String type) throws IOException {
        return hostPattern() + " " + hostKey(type);
    }

    public String log() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("sshd-")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
