package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.goldenpath.tree.RenderedTree;

/** Publishing to real servers on loopback: git daemon, smart HTTP with authentication, SSH with host keys. */
class RemotePublishTest {

    private static final String TOKEN = "gp-test-token-7d1e4c0a9b";

    @TempDir
    static Path temp;

    static Path repos;
    static GitDaemon daemon;
    static SmartHttpServer http;
    static SshGitServer ssh;
    static KeyPair clientKey;
    static Path privateKey;
    static Path knownHosts;

    @BeforeAll
    static void startServers() throws Exception {
        repos = Files.createDirectories(temp.resolve("repos"));
        daemon = GitDaemon.serve(repos);
        http = SmartHttpServer.serve(repos, Credentials.TOKEN_USER, TOKEN, TOKEN);
        clientKey = SshGitServer.newKeyPair();
        ssh = SshGitServer.serve(repos, SshGitServer.newKeyPair(), clientKey.getPublic());
        privateKey = SshGitServer.writePrivateKey(clientKey, temp.resolve("id_ecdsa"));
        knownHosts = Files.writeString(temp.resolve("known_hosts"), ssh.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stopServers() throws Exception {
        daemon.close();
        http.close();
        ssh.close();
    }

    private static Path newRepository(String name) {
        return GitCli.initBare(repos.resolve(name));
    }

    private static Path cache(String name) {
        return temp.resolve("caches").resolve(name);
    }

    @Test
    void publishesPrunesAndSkipsNoOpsOverGitDaemon() {
        Path remote = newRepository("daemon.git");
        Publisher publisher = GitOps.repository(daemon.url("daemon.git")).root("apps").cache(cache("daemon"));

        PublishResult first = publisher.publish(Trees.apps("svc", 3, "1"), "three");
        PublishResult pruned = publisher.publish(Trees.apps("svc", 2, "1"), "two");
        PublishResult noOp = publisher.publish(Trees.apps("svc", 2, "1"), "two again");

        assertEquals(first.commitId().orElseThrow(), pruned.parentId().orElseThrow());
        assertEquals(3, pruned.removed().size());
        assertTrue(noOp.nothingToCommit());
        assertEquals(2, GitCli.commitCount(remote, "main"));
        assertEquals(pruned.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
        GitCli.assertFsckClean(remote);
    }

    @Test
    void aFreshCloneCacheKnowsWhatThePublisherOwns() throws Exception {
        Path remote = newRepository("fresh.git");
        GitOps.repository(daemon.url("fresh.git")).root("apps").cache(cache("fresh-1"))
                .publish(Trees.apps("svc", 2, "1"), "two");
        Path clone = temp.resolve("fresh-clone");
        GitCli.run(temp, "clone", "--quiet", remote.toString(), clone.toString());
        Files.writeString(clone.resolve("README.md"), "# foreign\n");
        GitCli.run(clone, "add", "README.md");
        GitCli.run(clone, "commit", "--quiet", "-m", "readme");
        GitCli.run(clone, "push", "--quiet", "origin", "main");

        PublishResult fromElsewhere = GitOps.repository(daemon.url("fresh.git")).root("apps").cache(cache("fresh-2"))
                .publish(Trees.apps("svc", 1, "1"), "one");

        assertEquals(3, fromElsewhere.removed().size());
        assertTrue(GitCli.files(remote, "main").contains("README.md"));
        GitCli.assertFsckClean(remote);
    }

    @Test
    void publishesOverSmartHttpWithATokenAsBasicOrBearer() {
        Path remote = newRepository("http.git");
        PublishResult basic = GitOps.repository(http.url("http.git")).cache(cache("http-basic"))
                .credentials(Credentials.token(TOKEN)).publish(Trees.apps("a", 1, "1"), "basic");
        PublishResult bearer = GitOps.repository(http.url("http.git")).cache(cache("http-bearer"))
                .credentials(Credentials.bearer(TOKEN)).publish(Trees.apps("a", 1, "2"), "bearer");

        assertTrue(basic.commitId().isPresent());
        assertEquals(List.of("a-0/deployment.yaml"), bearer.changed());
        assertEquals(2, GitCli.commitCount(remote, "main"));
        GitCli.assertFsckClean(remote);
    }

    @Test
    void aWrongTokenIsRejectedAndNeverShown() {
        newRepository("http-denied.git");
        String wrong = "wrong-token-5f2a99c1";
        int refusedBefore = http.unauthorized.get();
        for (Credentials credentials : List.of(Credentials.token(wrong), Credentials.bearer(wrong), Credentials.none())) {
            Publisher publisher = GitOps.repository(http.url("http-denied.git")).cache(cache("http-denied"))
                    .credentials(credentials);

            PublishException e = assertThrows(PublishException.class,
                    () -> publisher.publish(Trees.apps("a", 1, "1"), "denied"));

            assertEquals(PublishException.Reason.AUTHENTICATION_FAILED, e.reason(), e.getMessage());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains(wrong), trace.toString());
            assertFalse(publisher.toString().contains(wrong));
            assertFalse(credentials.toString().contains(wrong));
        }
        assertTrue(http.unauthorized.get() > refusedBefore);
    }

    @Test
    void publishesOverSshWithAKeyAndAKnownHost() {
        Path remote = newRepository("ssh.git");
        PublishResult result = GitOps.repository(ssh.url("ssh.git")).cache(cache("ssh"))
                .credentials(Credentials.ssh(privateKey, knownHosts)).publish(Trees.apps("a", 2, "1"), "over ssh");

        assertEquals(result.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
        GitCli.assertFsckClean(remote);
    }

    @Test
    void anUnknownHostKeyIsRejectedAndNotLearned() throws Exception {
        newRepository("ssh-unknown.git");
        Path emptyKnownHosts = Files.writeString(temp.resolve("known_hosts_empty"), "");

        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(ssh.url("ssh-unknown.git"))
                .cache(cache("ssh-unknown")).credentials(Credentials.ssh(privateKey, emptyKnownHosts))
                .publish(Trees.apps("a", 1, "1"), "unknown host"));

        assertEquals(PublishException.Reason.HOST_KEY_UNKNOWN, e.reason(), e.getMessage());
        assertEquals("", Files.readString(emptyKnownHosts));
    }

    @Test
    void aChangedHostKeyIsRejected() throws Exception {
        Path remote = newRepository("ssh-changed.git");
        Path impostor = Files.writeString(temp.resolve("known_hosts_changed"),
                ssh.knownHostsLine(SshGitServer.newKeyPair().getPublic()) + "\n");

        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(ssh.url("ssh-changed.git"))
                .cache(cache("ssh-changed")).credentials(Credentials.ssh(privateKey, impostor))
                .publish(Trees.apps("a", 1, "1"), "changed host key"));

        assertEquals(PublishException.Reason.HOST_KEY_CHANGED, e.reason(), e.getMessage());
        assertEquals(0, GitCli.tryRun(remote, "rev-parse", "--verify", "-q", "main").output().length());
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRejected() throws Exception {
        newRepository("ssh-denied.git");
        Path strangerKey = SshGitServer.writePrivateKey(SshGitServer.newKeyPair(), temp.resolve("id_stranger"));

        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(ssh.url("ssh-denied.git"))
                .cache(cache("ssh-denied")).credentials(Credentials.ssh(strangerKey, knownHosts))
                .publish(Trees.apps("a", 1, "1"), "stranger"));

        assertEquals(PublishException.Reason.AUTHENTICATION_FAILED, e.reason(), e.getMessage());
    }

    @Test
    void aMissingRemoteRepositoryIsReportedAsSuch() {
        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(daemon.url("absent.git"))
                .cache(cache("absent")).publish(Trees.apps("a", 1, "1"), "nowhere"));
        assertEquals(PublishException.Reason.REPOSITORY_NOT_FOUND, e.reason(), e.getMessage());
    }

    @Test
    void aServerSideRejectionIsNotRetriedForever() throws Exception {
        Path remote = newRepository("hooked.git");
        Hooks.declineWith(remote, "protected branch: main is frozen (token=ghp_" + "a".repeat(36) + ")");

        PublishException e = assertThrows(PublishException.class, () -> GitOps.repository(daemon.url("hooked.git"))
                .cache(cache("hooked")).publish(Trees.apps("a", 1, "1"), "rejected"));

        assertEquals(PublishException.Reason.PUSH_REJECTED, e.reason(), e.getMessage());
        // The hook's reason reaches the user; what looks like a token in it does not.
        assertTrue(e.getMessage().contains("remote: protected branch: main is frozen (token=****)"), e.getMessage());
        assertFalse(e.getMessage().contains("ghp_"), e.getMessage());
    }

    @Test
    void publishesOverSshWithAnEncryptedKeyAndItsPassphrase() throws Exception {
        Path remote = newRepository("ssh-passphrase.git");
        KeyPair encrypted = SshGitServer.newKeyPair();
        try (SshGitServer server = SshGitServer.serve(repos, SshGitServer.newKeyPair(), encrypted.getPublic())) {
            Path key = SshGitServer.writeEncryptedPrivateKey(encrypted, temp.resolve("id_encrypted"), "open sesame");
            Path hosts = Files.writeString(temp.resolve("known_hosts_passphrase"), server.knownHostsLine() + "\n");
            Credentials credentials = Credentials.ssh(key, hosts).withPassphrase("open sesame");

            PublishResult result = GitOps.repository(server.url("ssh-passphrase.git")).cache(cache("ssh-passphrase"))
                    .credentials(credentials).publish(Trees.apps("a", 1, "1"), "encrypted key");

            assertEquals(result.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
            assertFalse(credentials.toString().contains("open sesame"));
        }
    }

    @Test
    void acceptsHashedKnownHostsEntries() throws Exception {
        Path remote = newRepository("ssh-hashed.git");
        Path hashed = Files.writeString(temp.resolve("known_hosts_hashed"), ssh.hashedKnownHostsLine() + "\n");

        PublishResult result = GitOps.repository(ssh.url("ssh-hashed.git")).cache(cache("ssh-hashed"))
                .credentials(Credentials.ssh(privateKey, hashed)).publish(Trees.apps("a", 1, "1"), "hashed entry");

        assertEquals(result.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
    }

    @Test
    void recoversFromGitLockFilesAKilledPublisherLeftInTheCache() throws Exception {
        newRepository("stale.git");
        Path cache = cache("stale");
        Publisher publisher = GitOps.repository(daemon.url("stale.git")).cache(cache);
        publisher.publish(Trees.apps("a", 1, "1"), "v1");
        Path repository;
        try (var caches = Files.list(cache)) {
            repository = caches.filter(p -> p.toString().endsWith(".git")).findFirst().orElseThrow();
        }
        Files.writeString(repository.resolve("refs/goldenpath/remote/heads/main.lock"), "");
        Files.writeString(repository.resolve("packed-refs.lock"), "");

        PublishResult next = publisher.publish(Trees.apps("a", 1, "2"), "v2");

        assertEquals(List.of("a-0/deployment.yaml"), next.changed());
        // The tracking ref could move again: the stale locks are gone.
        assertEquals(next.commitId().orElseThrow(),
                GitCli.run(repository, "rev-parse", "refs/goldenpath/remote/heads/main").strip());
        assertFalse(Files.exists(repository.resolve("packed-refs.lock")));
    }

    @Test
    void pullRequestModePushesAChangeBranchAndLeavesTheBranchAlone() {
        Path remote = newRepository("pull-request.git");
        Publisher publisher = GitOps.repository(daemon.url("pull-request.git")).root("apps").cache(cache("pr"));
        String main = publisher.publish(Trees.apps("a", 1, "1"), "v1").commitId().orElseThrow();

        PublishResult proposal = publisher.changeBranches("goldenpath/")
                .publish(Trees.apps("a", 1, "2"), PublishRequest.message("v2").sourceRevision("c0ffee"));

        assertEquals("goldenpath/c0ffee", proposal.branch());
        assertEquals(main, GitCli.run(remote, "rev-parse", "main").strip());
        assertEquals(main, GitCli.run(remote, "rev-parse", "goldenpath/c0ffee^").strip());
        assertTrue(GitCli.show(remote, "goldenpath/c0ffee", "apps/a-0/deployment.yaml").contains(":2"));
    }

    @Test
    void aDryRunAgainstARemotePushesNothing() {
        Path remote = newRepository("dry-run.git");
        Publisher publisher = GitOps.repository(daemon.url("dry-run.git")).cache(cache("dry-run"));
        publisher.publish(Trees.apps("a", 2, "1"), "v1");
        String before = GitCli.run(remote, "rev-parse", "main");

        PublishResult preview = publisher.dryRun().publish(Trees.apps("a", 1, "2"), "v2");

        assertEquals("M a-0/deployment.yaml\nD a-1/deployment.yaml\nD a-1/kustomization.yaml\nD a-1/service.yaml\n",
                preview.diff());
        assertEquals(before, GitCli.run(remote, "rev-parse", "main"));
    }

    @Test
    void aCloneChecksOutExactlyTheRenderedBytes() throws Exception {
        newRepository("round-trip.git");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        RenderedTree tree = Trees.apps("svc", 2, "1").plus(RenderedTree.builder()
                .add("assets/logo.bin", binary)
                .add("caf\u00e9/r\u00e9sum\u00e9.yaml", "name: \u00e9t\u00e9 \u2603\n")
                .add("empty.txt", "")
                .add("crlf.txt", "a\r\nb\r\n")
                .build());
        GitOps.repository(daemon.url("round-trip.git")).root("deep/er").cache(cache("round-trip"))
                .publish(tree, "round trip");

        Path clone = temp.resolve("round-trip-clone");
        GitCli.run(temp, "-c", "core.autocrlf=false", "clone", "--quiet", daemon.url("round-trip.git"), clone.toString());
        RenderedTree.Builder checkedOut = RenderedTree.builder();
        Path root = clone.resolve("deep/er");
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                checkedOut.add(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        assertEquals(tree, checkedOut.build());
    }

    @Test
    void eightThreadsOverSmartHttpAllLand() throws Exception {
        Path remote = newRepository("http-concurrent.git");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String root = "apps/team-" + i;
                Publisher publisher = GitOps.repository(http.url("http-concurrent.git")).root(root)
                        .cache(cache("http-concurrent-" + i)).credentials(Credentials.token(TOKEN))
                        .retries(RetryPolicy.of(40, java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(500)));
                futures.add(pool.submit(() -> List.of(
                        publisher.publish(Trees.apps("svc", 1, "1"), root + " v1").commitId().orElseThrow(),
                        publisher.publish(Trees.apps("svc", 1, "2"), root + " v2").commitId().orElseThrow())));
            }
            java.util.Set<String> commits = new java.util.HashSet<>();
            for (java.util.concurrent.Future<List<String>> future : futures) {
                commits.addAll(future.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(16, commits.size());
            assertEquals(commits, new java.util.HashSet<>(GitCli.run(remote, "rev-list", "main").lines().toList()));
            GitCli.assertFsckClean(remote);
        } finally {
            pool.shutdownNow();
        }
    }
}
