package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** OpenSSH's {@code ssh-agent}, started by a test in the foreground on a socket of its own. */
public final class SshAgent implements AutoCloseable {

    private final Process process;
    private final Path socket;

    private SshAgent(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts an agent; skips the calling test when ssh-agent is not installed. */
    public static SshAgent start(Path folder) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")),
                "ssh-agent is not installed (apt-get install openssh-client)");
        Path socket = Files.createDirectories(folder).resolve("agent.sock");
        Process process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("ssh-agent.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        if (!Files.exists(socket)) {
            process.destroyForcibly();
            throw new IOException("ssh-agent did not start: " + Files.readString(folder.resolve("ssh-agent.log")));
        }
        return new SshAgent(process, socket);
    }

    public Path socket() {
        return socket;
    }

    /** {@code ssh-add key}, answering a passphrase prompt through SSH_ASKPASS when the key has one. */
    public void add(Path privateKey, String passphrase) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("ssh-add", privateKey.toString()).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        if (!passphrase.isEmpty()) {
            Path askpass = privateKey.resolveSibling(privateKey.getFileName() + ".askpass");
            Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' '" + passphrase + "'\n");
            askpass.toFile().setExecutable(true);
            builder.environment().put("SSH_ASKPASS", askpass.toString());
            builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
            builder.environment().put("DISPLAY", ":0");
        }
        Process add = builder.start();
        add.getOutputStream().close();
        String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
            throw new AssertionError("ssh-add failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
