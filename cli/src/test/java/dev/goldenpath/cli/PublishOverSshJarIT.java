package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.gitops.Hooks;
import dev.goldenpath.gitops.OpenSshServer;
import dev.goldenpath.gitops.SshAgent;
import dev.goldenpath.gitops.SshKeygen;
import dev.goldenpath.samples.AcmeSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar goldenpath.jar publish} against OpenSSH's sshd, as users run it: an ed25519 key (what
 * {@code ssh-keygen} makes by default) with only the server's ed25519 host key in a hashed known_hosts, a
 * passphrase-protected key, the ssh-agent, and a push a hook declines. (Credentials in URLs and empty token
 * variables are refused before any connection: {@link PublishCredentialsTest}.)
 */
class PublishOverSshJarIT {

    @TempDir
    static Path tmp;

    static OpenSshServer sshd;
    static Path samples;
    static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(tmp.resolve("sshd"));
        samples = Path.of(AcmeSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        knownHosts = SshKeygen.hash(Files.writeString(tmp.resolve("known_hosts"), sshd.knownHostsLine("ed25519") + "\n"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void publishesWithAnEd25519KeyAndOnlyTheEd25519HostKeyKnown() throws Exception {
        Path key = SshKeygen.generate("ed25519", tmp.resolve("id_ed25519"), "");
        sshd.authorize(key);
        Path remote = bare("ed25519.git");

        Result publish = java(Map.of(), "publish", "-cp", samples.toString(), "--repository", sshd.url(remote),
                "--ssh-key", key.toString(), "--known-hosts", knownHosts.toString(), "-o", "json");

        assertEquals(0, publish.exit, publish.output);
        assertTrue(publish.output.contains("\"commit\" : \"" + git(remote, "rev-parse", "main").strip() + "\""),
                publish.output);
    }

    @Test
    void publishesWithAPassphraseProtectedKeyAndWithTheSameKeyInAnAgent() throws Exception {
        String passphrase = "jar passphrase 42";
        Path key = SshKeygen.generate("ed25519", tmp.resolve("id_protected"), passphrase);
        sshd.authorize(key);
        Path first = bare("passphrase.git");
        Path second = bare("agent.git");

        Result withPassphrase = java(Map.of("KEY_PASSPHRASE", passphrase), "publish", "-cp", samples.toString(),
                "--repository", sshd.url(first), "--ssh-key", key.toString(), "--known-hosts", knownHosts.toString(),
                "--ssh-passphrase-env", "KEY_PASSPHRASE");
        assertEquals(0, withPassphrase.exit, withPassphrase.output);
        assertFalse(withPassphrase.output.contains(passphrase), withPassphrase.output);
        assertEquals("1", git(first, "rev-list", "--count", "main").strip());

        try (SshAgent agent = SshAgent.start(tmp.resolve("agent"))) {
            agent.add(key, passphrase);
            Result viaAgent = java(Map.of("SSH_AUTH_SOCK", agent.socket().toString()), "publish", "-cp",
                    samples.toString(), "--repository", sshd.url(second), "--known-hosts", knownHosts.toString());
            assertEquals(0, viaAgent.exit, viaAgent.output);
            assertEquals("1", git(second, "rev-list", "--count", "main").strip());
        }
    }

    @Test
    void showsTheReasonAHookDeclinedThePushAndExitsThree() throws Exception {
        Path key = SshKeygen.generate("ecdsa", tmp.resolve("id_ecdsa"), "");
        sshd.authorize(key);
        Path remote = bare("hooked.git");
        Hooks.declineWith(remote, "protected branch: main only takes reviewed changes");

        Result publish = java(Map.of(), "publish", "-cp", samples.toString(), "--repository", sshd.url(remote),
                "--ssh-key", key.toString(), "--known-hosts", knownHosts.toString());

        assertEquals(3, publish.exit, publish.output);
        assertTrue(publish.output.contains("PUSH_REJECTED"), publish.output);
        assertTrue(publish.output.contains("remote: protected branch: main only takes reviewed changes"), publish.output);
    }

    private static Path bare(String name) throws Exception {
        Path repository = tmp.resolve("repos").resolve(name);
        Files.createDirectories(repository.getParent());
        git(repository.getParent(), "init", "--bare", "--quiet", "--initial-branch=main", repository.toString());
        return repository;
    }

    private static String git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> "git " + args[0] + " failed: " + output);
        return output;
    }

    private record Result(int exit, String output) {
    }

    private static Result java(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("goldenpath.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        // A clean environment for credentials: only what the test passes (plus the clone cache's home).
        builder.environment().remove("GOLDENPATH_GIT_TOKEN");
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
