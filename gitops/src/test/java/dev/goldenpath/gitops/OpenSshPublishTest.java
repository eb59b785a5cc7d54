package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishing to OpenSSH's sshd with keys as {@code ssh-keygen} makes them by default: ed25519, ECDSA and RSA
 * client keys, each host key alone in known_hosts (plain, hashed, port-qualified), a host certificate trusted
 * through {@code @cert-authority}, {@code @revoked} host keys, passphrase-protected keys and revoked client keys.
 */
class OpenSshPublishTest {

    @TempDir
    static Path temp;

    static OpenSshServer sshd;
    static Path repos;
    static Path ed25519;
    static Path allHostKeys;
    static final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(temp.resolve("sshd"));
        repos = Files.createDirectories(temp.resolve("repos"));
        ed25519 = SshKeygen.generate("ed25519", temp.resolve("id_ed25519"), "");
        sshd.authorize(ed25519);
        StringBuilder lines = new StringBuilder();
        for (String type : OpenSshServer.KEY_TYPES) {
            lines.append(sshd.knownHostsLine(type)).append('\n');
        }
        allHostKeys = Files.writeString(temp.resolve("known_hosts_all"), lines);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static String next(String what) {
        return what + "-" + names.incrementAndGet();
    }

    /** Publishes one app to a new bare repository and checks the server's branch is the commit. */
    private static void publishes(Credentials credentials) {
        String name = next("repo");
        Path remote = GitCli.initBare(repos.resolve(name + ".git"));
        PublishResult result = GitOps.repository(sshd.url(remote)).cache(temp.resolve("cache").resolve(name))
                .credentials(credentials).publish(Trees.apps("a", 1, "1"), "over OpenSSH");
        assertEquals(result.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
        GitCli.assertFsckClean(remote);
    }

    private static PublishException refused(Credentials credentials) {
        String name = next("refused");
        Path remote = GitCli.initBare(repos.resolve(name + ".git"));
        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(sshd.url(remote))
                .cache(temp.resolve("cache").resolve(name)).credentials(credentials)
                .publish(Trees.apps("a", 1, "1"), "refused"));
        assertFalse(GitCli.tryRun(remote, "rev-parse", "--verify", "-q", "main").exitCode() == 0);
        return e;
    }

    private static Path knownHosts(String... lines) throws Exception {
        return Files.writeString(temp.resolve(next("known_hosts")), String.join("\n", lines) + "\n");
    }

    @ParameterizedTest(name = "{0} client key")
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void publishesWithEveryKindOfClientKeySshKeygenMakes(String type) throws Exception {
        Path key = SshKeygen.generate(type, temp.resolve(next("id_" + type)), "");
        sshd.authorize(key);

        publishes(Credentials.ssh(key, allHostKeys));
    }

    @ParameterizedTest(name = "only the {0} host key, {1}")
    @CsvSource({"ed25519, plain", "ed25519, hashed", "ecdsa, plain", "ecdsa, hashed", "rsa, plain", "rsa, hashed"})
    void acceptsAKnownHostsFileWithAnyOneCorrectHostKey(String type, String form) throws Exception {
        Path file = knownHosts(sshd.knownHostsLine(type));
        if (form.equals("hashed")) {
            SshKeygen.hash(file);
            assertFalse(Files.readString(file).contains("127.0.0.1"), Files.readString(file));
        }

        publishes(Credentials.ssh(ed25519, file));
    }

    @Test
    void acceptsAHostCertificateSignedByACertificateAuthorityInKnownHosts() throws Exception {
        publishes(Credentials.ssh(ed25519, knownHosts("@cert-authority " + sshd.hostPattern() + " "
                + sshd.certificateAuthority())));
    }

    @ParameterizedTest(name = "@revoked for {0}")
    @ValueSource(strings = {"*", "port-qualified", "hashed"})
    void refusesARevokedHostKeyEvenWhenItIsAlsoListedAsTrusted(String hosts) throws Exception {
        String trusted = sshd.knownHostsLine("ed25519");
        String pattern = hosts.equals("*") ? "*" : sshd.hostPattern();
        if (hosts.equals("hashed")) {
            // ssh-keygen -H leaves marker lines alone; hash the host the way it does for the plain line.
            trusted = Files.readString(SshKeygen.hash(knownHosts(trusted))).strip();
            pattern = trusted.split(" ")[0];
        }
        Path file = knownHosts(trusted, "@revoked " + pattern + " " + sshd.hostKey("ed25519"));

        PublishException e = refused(Credentials.ssh(ed25519, file));

        assertEquals(PublishException.Reason.HOST_KEY_REVOKED, e.reason(), e.getMessage());
    }

    @Test
    void refusesAHostCertificateWhoseAuthorityIsRevoked() throws Exception {
        PublishException e = refused(Credentials.ssh(ed25519, knownHosts(
                "@cert-authority " + sshd.hostPattern() + " " + sshd.certificateAuthority(),
                "@revoked * " + sshd.certificateAuthority())));

        assertEquals(PublishException.Reason.HOST_KEY_REVOKED, e.reason(), e.getMessage());
    }

    @Test
    void aKnownHostsEntryForAnotherPortIsNotTrustedForThisOne() throws Exception {
        PublishException e = refused(Credentials.ssh(ed25519, knownHosts(
                "[127.0.0.1]:" + (sshd.port() == 2222 ? 2223 : 2222) + " " + sshd.hostKey("ed25519"))));

        assertEquals(PublishException.Reason.HOST_KEY_UNKNOWN, e.reason(), e.getMessage());
    }

    @Test
    void publishesWithAPassphraseProtectedEd25519Key() throws Exception {
        String passphrase = "correct horse battery staple";
        Path key = SshKeygen.generate("ed25519", temp.resolve(next("id_protected")), passphrase);
        sshd.authorize(key);

        publishes(Credentials.ssh(key, allHostKeys).withPassphrase(passphrase));
        PublishException wrong = refused(Credentials.ssh(key, allHostKeys).withPassphrase("wrong horse"));

        assertEquals(PublishException.Reason.AUTHENTICATION_FAILED, wrong.reason(), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong horse"), wrong.getMessage());
    }

    @Test
    void publishesWithAPassphraseProtectedKeyHeldByAnSshAgent() throws Exception {
        String passphrase = "agent only";
        Path key = SshKeygen.generate("ed25519", temp.resolve(next("id_agent")), passphrase);
        sshd.authorize(key);
        try (SshAgent agent = SshAgent.start(temp.resolve(next("agent")))) {
            agent.add(key, passphrase);
            Files.delete(key);

            publishes(Credentials.sshAgent(agent.socket(), allHostKeys));
        }
    }

    @Test
    void anAgentWithoutTheRightKeyIsRefused() throws Exception {
        Path stranger = SshKeygen.generate("ed25519", temp.resolve(next("id_stranger")), "");
        try (SshAgent agent = SshAgent.start(temp.resolve(next("agent")))) {
            agent.add(stranger, "");

            PublishException e = refused(Credentials.sshAgent(agent.socket(), allHostKeys));

            assertEquals(PublishException.Reason.AUTHENTICATION_FAILED, e.reason(), e.getMessage());
        }
    }

    @Test
    void aClientKeyTheServerRevokedIsRefused() throws Exception {
        Path key = SshKeygen.generate("ed25519", temp.resolve(next("id_revoked")), "");
        sshd.authorize(key);
        sshd.revoke(key);

        PublishException e = refused(Credentials.ssh(key, allHostKeys));

        assertEquals(PublishException.Reason.AUTHENTICATION_FAILED, e.reason(), e.getMessage());
    }

    @Test
    void publishesToABranchThatDeniesNonFastForwardsAndDeletes() throws Exception {
        String name = next("protected");
        Path remote = GitCli.initBare(repos.resolve(name + ".git"));
        GitCli.run(remote, "config", "receive.denyNonFastForwards", "true");
        GitCli.run(remote, "config", "receive.denyDeletes", "true");
        Publisher publisher = GitOps.repository(sshd.url(remote)).cache(temp.resolve("cache").resolve(name))
                .credentials(Credentials.ssh(ed25519, allHostKeys));

        PublishResult first = publisher.publish(Trees.apps("a", 2, "1"), "first");
        PublishResult second = publisher.publish(Trees.apps("a", 1, "2"), "second, pruning one app");

        assertEquals(first.commitId().orElseThrow(), second.parentId().orElseThrow());
        assertEquals(second.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
        GitCli.assertFsckClean(remote);
    }

    @Test
    void aRefusedPushShowsTheHooksReason() throws Exception {
        String name = next("hooked");
        Path remote = GitCli.initBare(repos.resolve(name + ".git"));
        // "locked" in a hook's reason must not pass for a lost ref-lock race, which would be retried.
        Hooks.declineWith(remote, "protected branch: main is locked, it needs a reviewed pull request");

        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(sshd.url(remote))
                .cache(temp.resolve("cache").resolve(name)).credentials(Credentials.ssh(ed25519, allHostKeys))
                .publish(Trees.apps("a", 1, "1"), "declined"));

        assertEquals(PublishException.Reason.PUSH_REJECTED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("remote: protected branch: main is locked, it needs a reviewed pull request"),
                e.getMessage());
    }
}
