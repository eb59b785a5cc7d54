package dev.goldenpath.gitops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An SSH git server on loopback (Apache MINA sshd, in process) with a host key the test controls and one
 * authorised client key. There is no shell: the only commands are {@code git-upload-pack '<repo>'} and
 * {@code git-receive-pack '<repo>'}, run by the installed git on repositories below one folder.
 */
final class SshGitServer implements AutoCloseable {

    private static final Pattern GIT_COMMAND = Pattern.compile("(git-upload-pack|git-receive-pack) '?/?([^']+)'?");

    private final SshServer server;
    private final KeyPair hostKey;

    private SshGitServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static SshGitServer serve(Path base, KeyPair hostKey, PublicKey authorizedClientKey) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorizedClientKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new GitCommand(base, command));
        server.start();
        return new SshGitServer(server, hostKey);
    }

    int port() {
        return server.getPort();
    }

    String url(String repository) {
        return "ssh://git@127.0.0.1:" + port() + "/" + repository;
    }

    /** The known_hosts line for this server, as OpenSSH writes it for a non-standard port. */
    String knownHostsLine() {
        return knownHostsLine(hostKey.getPublic());
    }

    String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key);
    }

    /** Writes {@code keys}'s private key in OpenSSH format, as ssh-keygen would. */
    static Path writePrivateKey(KeyPair keys, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(keys, "publisher@test", null, out);
        }
        return file;
    }

    /** Writes {@code keys}'s private key in OpenSSH format, encrypted with {@code passphrase} (AES-256-CTR, bcrypt). */
    static Path writeEncryptedPrivateKey(KeyPair keys, Path file, String passphrase)
            throws IOException, GeneralSecurityException {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword(passphrase);
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        encryption.setCipherMode("CTR");
        encryption.setKdfRounds(4);
        try (OutputStream out = Files.newOutputStream(file)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(keys, "publisher@test", encryption, out);
        }
        return file;
    }

    /** The known_hosts line with the host name hashed, as {@code ssh-keygen -H} writes it. */
    String hashedKnownHostsLine() throws GeneralSecurityException {
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(("[127.0.0.1]:" + port()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hash) + " "
                + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** One git command: the installed git serves it, streams copied both ways. */
    private static final class GitCommand implements Command {
        private final Path base;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        GitCommand(Path base, String command) {
            this.base = base;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) throws IOException {
            Matcher matcher = GIT_COMMAND.matcher(command.trim());
            Path repository = matcher.matches() ? base.resolve(matcher.group(2)).normalize() : null;
            if (repository == null || !repository.startsWith(base) || !Files.isDirectory(repository)) {
                err.write(("unknown command or repository: " + command + "\n").getBytes());
                err.flush();
                exit.onExit(128, "unknown command");
                return;
            }
            String verb = matcher.group(1).substring("git-".length());
            ProcessBuilder builder = new ProcessBuilder(List.of("git", verb, repository.toString()));
            GitCli.isolate(builder);
            String protocol = environment.getEnv().get("GIT_PROTOCOL");
            if (protocol != null) {
                builder.environment().put("GIT_PROTOCOL", protocol);
            }
            process = builder.start();
            Thread toGit = pump(in, process.getOutputStream(), true);
            Thread fromGit = pump(process.getInputStream(), out, false);
            Thread errors = pump(process.getErrorStream(), err, false);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    fromGit.join();
                    errors.join();
                    toGit.interrupt();
                    exit.onExit(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ssh-git-exit");
            waiter.setDaemon(true);
            waiter.start();
        }

        private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[32 * 1024];
                try {
                    for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException ignored) {
                    // The other side went away; the exit status tells.
                } finally {
                    if (closeTarget) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // Already closed.
                        }
                    }
                }
            }, "ssh-git-pump");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) {
                process.destroy();
            }
        }
    }
}
