package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.goldenpath.tree.RenderedTree;

class LocalPublishTest {

    @TempDir
    Path temp;

    @Test
    void createsTheBareRepositoryOnFirstUseAndCommitsNothingTheSecondTime() {
        Path bare = temp.resolve("gitops.git");
        RenderedTree tree = Trees.apps("payments", 2, "1.0.0");

        PublishResult first = GitOps.localBare(bare).publish(tree, "render platform");
        PublishResult second = GitOps.localBare(bare).publish(tree, "render platform");

        assertTrue(first.commitId().isPresent());
        assertEquals(6, first.added().size());
        assertEquals(tree.totalBytes(), first.bytes());
        assertTrue(second.nothingToCommit());
        assertTrue(second.commitId().isEmpty());
        assertEquals(first.commitId(), second.parentId());
        assertEquals(1, GitCli.commitCount(bare, "main"));
        assertEquals("refs/heads/main", GitCli.run(bare, "symbolic-ref", "HEAD").strip());
        GitCli.assertFsckClean(bare);
    }

    @Test
    void writesExactlyTheRenderedBytesUnderTheRootPlusTheOwnershipRecord() {
        Path bare = temp.resolve("gitops.git");
        RenderedTree tree = Trees.apps("ledger", 1, "2.0.0");

        GitOps.localBare(bare).root("clusters/prod").publish(tree, "ledger 2.0.0");

        assertEquals(List.of(".goldenpath/owned/clusters-prod.txt", "clusters/prod/ledger-0/deployment.yaml",
                "clusters/prod/ledger-0/kustomization.yaml", "clusters/prod/ledger-0/service.yaml"),
                GitCli.files(bare, "main"));
        assertEquals(tree.text("ledger-0/deployment.yaml").orElseThrow(),
                GitCli.show(bare, "main", "clusters/prod/ledger-0/deployment.yaml"));
        String record = GitCli.show(bare, "main", ".goldenpath/owned/clusters-prod.txt");
        assertEquals(List.of("clusters/prod/ledger-0/deployment.yaml", "clusters/prod/ledger-0/kustomization.yaml",
                "clusters/prod/ledger-0/service.yaml"), OwnershipRecord.parse(record.getBytes()));
    }

    @Test
    void prunesFilesItNoLongerRendersAndNeverTouchesForeignFiles() throws Exception {
        Path bare = temp.resolve("gitops.git");
        Publisher publisher = GitOps.localBare(bare).root("apps");
        publisher.publish(Trees.apps("svc", 3, "1"), "three apps");
        Path clone = temp.resolve("clone");
        GitCli.run(temp, "clone", "--quiet", bare.toString(), clone.toString());
        Files.writeString(write(clone, "README.md"), "# platform\n");
        Files.writeString(write(clone, "apps/svc-0/NOTES.md"), "hand-written, inside a rendered folder\n");
        Files.writeString(write(clone, "other-tool/config.yaml"), "owner: someone else\n");
        GitCli.run(clone, "add", "-A");
        GitCli.run(clone, "commit", "--quiet", "-m", "human edits");
        GitCli.run(clone, "push", "--quiet", "origin", "main");

        PublishResult result = publisher.publish(Trees.apps("svc", 1, "1"), "remove two apps");

        assertEquals(List.of("apps/svc-1/deployment.yaml", "apps/svc-1/kustomization.yaml", "apps/svc-1/service.yaml",
                "apps/svc-2/deployment.yaml", "apps/svc-2/kustomization.yaml", "apps/svc-2/service.yaml"),
                result.removed());
        assertEquals(List.of(".goldenpath/owned/apps.txt", "README.md", "apps/svc-0/NOTES.md",
                "apps/svc-0/deployment.yaml", "apps/svc-0/kustomization.yaml", "apps/svc-0/service.yaml",
                "other-tool/config.yaml"), GitCli.files(bare, "main"));
        assertEquals("# platform\n", GitCli.show(bare, "main", "README.md"));
        GitCli.assertFsckClean(bare);
    }

    @Test
    void publishersWithDifferentRootsCoexistAndAnEmptyTreeRemovesOnlyItsOwnFiles() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).root("apps/payments").publish(Trees.apps("payments", 1, "1"), "payments");
        GitOps.localBare(bare).root("apps/ledger").publish(Trees.apps("ledger", 1, "1"), "ledger");

        PublishResult emptied = GitOps.localBare(bare).root("apps/payments").publish(RenderedTree.empty(), "retire");

        assertEquals(3, emptied.removed().size());
        assertEquals(List.of(".goldenpath/owned/apps-ledger.txt", "apps/ledger/ledger-0/deployment.yaml",
                "apps/ledger/ledger-0/kustomization.yaml", "apps/ledger/ledger-0/service.yaml"),
                GitCli.files(bare, "main"));
    }

    @Test
    void refusesToOverwriteAFileItDoesNotOwnUnlessToldToAdoptIt() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publisherId("hand").publish(Trees.of("apps/x/deployment.yaml", "old\n"), "by hand");
        String before = GitCli.run(bare, "rev-parse", "main");

        PublishException conflict = assertThrows(PublishException.class, () -> GitOps.localBare(bare)
                .publish(Trees.of("apps/x/deployment.yaml", "new\n", "apps/y/deployment.yaml", "y\n"), "render"));

        assertEquals(PublishException.Reason.PATH_CONFLICT, conflict.reason());
        assertTrue(conflict.getMessage().contains("apps/x/deployment.yaml exists and is not owned by this publisher"
                + " (it belongs to publisher 'hand')"), conflict.getMessage());
        assertEquals(before, GitCli.run(bare, "rev-parse", "main"));

        PublishResult adopted = GitOps.localBare(bare).adoptExistingFiles()
                .publish(Trees.of("apps/x/deployment.yaml", "new\n"), "take over");
        assertEquals(List.of("apps/x/deployment.yaml"), adopted.changed());
    }

    @Test
    void samePublisherIdMeansLastWriterWinsOnTheWholeRoot() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).root("apps").publish(Trees.apps("a", 2, "1"), "writer A");
        GitOps.localBare(bare).root("apps").publish(Trees.apps("b", 1, "1"), "writer B");

        assertEquals(List.of(".goldenpath/owned/apps.txt", "apps/b-0/deployment.yaml", "apps/b-0/kustomization.yaml",
                "apps/b-0/service.yaml"), GitCli.files(bare, "main"));
    }

    @Test
    void commitCarriesIdentitySummaryAndTrailers() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).root("apps").author("ci-bot", "ci-bot@example.com")
                .publish(Trees.apps("payments", 1, "1.4.2"), PublishRequest.message("payments-api 1.4.2")
                        .sourceRevision("9f1c2e7d").trailer("Change-Id", "I1234"));

        assertEquals("ci-bot <ci-bot@example.com>|ci-bot <ci-bot@example.com>",
                GitCli.run(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip());
        String message = GitCli.run(bare, "log", "-1", "--format=%B");
        assertTrue(message.startsWith("payments-api 1.4.2\n\n3 added, 0 changed, 0 removed under apps/\n"
                + "  A apps/payments-0/deployment.yaml\n"), message);
        assertEquals("Goldenpath-Publisher: apps\nSource-Revision: 9f1c2e7d\nChange-Id: I1234",
                GitCli.run(bare, "log", "-1", "--format=%(trailers:only,unfold)").strip());
    }

    @Test
    void defaultIdentityIsTheBot() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publish(Trees.apps("a", 1, "1"), "render");
        assertEquals("goldenpath-bot <goldenpath-bot@users.noreply.goldenpath.dev>",
                GitCli.run(bare, "log", "-1", "--format=%an <%ae>").strip());
    }

    @Test
    void dryRunReportsTheDiffAndWritesNothing() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publish(Trees.apps("a", 2, "1"), "v1");
        String before = GitCli.run(bare, "rev-parse", "main");

        PublishResult preview = GitOps.localBare(bare).dryRun()
                .publish(Trees.apps("a", 1, "2").plus(Trees.of("a-new/x.yaml", "x: 1\n")), "v2");

        assertTrue(preview.dryRun());
        assertFalse(preview.nothingToCommit());
        assertTrue(preview.commitId().isEmpty());
        assertEquals("M a-0/deployment.yaml\nD a-1/deployment.yaml\nD a-1/kustomization.yaml\nD a-1/service.yaml\n"
                + "A a-new/x.yaml\n", preview.diff());
        assertEquals(before, GitCli.run(bare, "rev-parse", "main"));
    }

    @Test
    void dryRunDoesNotCreateTheRepository() {
        Path bare = temp.resolve("not-yet.git");
        PublishResult preview = GitOps.localBare(bare).dryRun().publish(Trees.apps("a", 1, "1"), "v1");
        assertEquals(3, preview.added().size());
        assertFalse(Files.exists(bare));
    }

    @Test
    void changeBranchesCarryEachChangeForAPullRequest() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publish(Trees.apps("a", 1, "1"), "v1");
        String main = GitCli.run(bare, "rev-parse", "main");

        PublishResult proposal = GitOps.localBare(bare).changeBranches("goldenpath/")
                .publish(Trees.apps("a", 1, "2"), PublishRequest.message("v2").sourceRevision("abc123"));

        assertEquals("goldenpath/abc123", proposal.branch());
        assertEquals(main, GitCli.run(bare, "rev-parse", "main"));
        assertEquals(main.strip(), GitCli.run(bare, "rev-parse", "goldenpath/abc123^").strip());
        assertEquals(List.of("a-0/deployment.yaml"), proposal.changed());

        PublishResult again = GitOps.localBare(bare).changeBranches("goldenpath/")
                .publish(Trees.apps("a", 1, "2"), PublishRequest.message("v2").sourceRevision("abc123"));
        assertTrue(again.nothingToCommit());
    }

    @Test
    void refusesToMoveABranchCheckedOutInAWorkingTree() {
        Path work = temp.resolve("work");
        GitCli.run(temp, "init", "--quiet", "--initial-branch=main", work.toString());

        PublishException e = assertThrows(PublishException.class,
                () -> GitOps.repository(work).publish(Trees.apps("a", 1, "1"), "v1"));
        assertEquals(PublishException.Reason.INVALID_REQUEST, e.reason());

        PublishResult other = GitOps.repository(work).branch("gitops").publish(Trees.apps("a", 1, "1"), "v1");
        assertTrue(other.commitId().isPresent());
    }

    @Test
    void aMissingRepositoryIsAnErrorUnlessCreationWasAsked() {
        PublishException e = assertThrows(PublishException.class,
                () -> GitOps.repository(temp.resolve("nothing-here")).publish(Trees.apps("a", 1, "1"), "v1"));
        assertEquals(PublishException.Reason.REPOSITORY_NOT_FOUND, e.reason());
    }

    @Test
    void rejectsTreesThatWriteIntoOwnershipRecordsOrClashFileWithFolder() {
        Path bare = temp.resolve("gitops.git");
        PublishException e = assertThrows(PublishException.class, () -> GitOps.localBare(bare)
                .publish(Trees.of(".goldenpath/owned/evil.txt", "x", "a", "file", "a/b", "below a file"), "bad"));
        assertEquals(PublishException.Reason.INVALID_REQUEST, e.reason());
        assertTrue(e.getMessage().contains(".goldenpath/owned/evil.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("'a/b' needs folder 'a'"), e.getMessage());
    }

    @Test
    void refusesPlaintextSecretsAndCommitsNothing() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publish(Trees.apps("a", 1, "1"), "v1");
        String before = GitCli.run(bare, "rev-parse", "main");

        SecretGuardException e = assertThrows(SecretGuardException.class, () -> GitOps.localBare(bare)
                .publish(Trees.apps("a", 1, "1").plus(Trees.of("a-0/secret.yaml",
                        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n")),
                        "leak"));

        assertEquals(List.of(new SecretFinding("a-0/secret.yaml", 5, "plaintext Secret with stringData (kind: Secret)")),
                e.findings());
        assertFalse(e.getMessage().contains("hunter2"));
        assertEquals(before, GitCli.run(bare, "rev-parse", "main"));
    }

    @Test
    void toStringNamesTheTargetButNoSecret() {
        Publisher publisher = GitOps.repository("https://git.example.com/platform/gitops.git")
                .root("clusters").credentials(Credentials.basic("bot", "s3cr3t-t0ken"));
        assertEquals("Publisher[https://git.example.com/platform/gitops.git branch=main root=clusters id=clusters"
                + " Credentials[basic bot:****]]", publisher.toString());
    }

    private static Path write(Path root, String relative) throws java.io.IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return file;
    }

    @Test
    void writesTreesInGitsOwnEntryOrder() {
        Path bare = temp.resolve("gitops.git");
        // Git sorts a folder "a" as "a/", after "a-b" and "a.b" but before "a0"; fsck --strict checks it.
        RenderedTree tree = Trees.of("x/a/f.yaml", "1", "x/a-b", "2", "x/a.b", "3", "x/a0", "4", "x/été.yaml", "5");
        GitOps.localBare(bare).publish(tree, "ordering");
        GitOps.localBare(bare).publish(Trees.of("x/a/f.yaml", "1", "x/a-b", "2", "x/a.b", "changed", "x/a0", "4"),
                "ordering again");

        GitCli.assertFsckClean(bare);
        assertEquals("a-b\na.b\na\na0\n", GitCli.run(bare, "ls-tree", "--name-only", "main:x"));
    }

    @Test
    void eightThreadsPublishingDifferentRootsIntoOneLocalRepositoryAllLand() throws Exception {
        Path bare = temp.resolve("gitops.git");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<PublishResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String root = "apps/team-" + i;
                results.add(pool.submit(() -> GitOps.localBare(bare).root(root)
                        .publish(Trees.apps("svc", 2, "1"), root)));
            }
            java.util.Set<String> commits = new java.util.HashSet<>();
            for (java.util.concurrent.Future<PublishResult> result : results) {
                commits.add(result.get().commitId().orElseThrow());
            }
            assertEquals(commits, new java.util.HashSet<>(GitCli.run(bare, "rev-list", "main").lines().toList()));
            assertEquals(8 * 6 + 8, GitCli.files(bare, "main").size());
            GitCli.assertFsckClean(bare);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderItOwnedMayBecomeAFileAndAFileAFolder() {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publish(Trees.of("x/a.yaml", "1", "y", "file"), "v1");

        PublishResult swapped = GitOps.localBare(bare).publish(Trees.of("x", "now a file", "y/b.yaml", "2"), "v2");

        assertEquals(List.of("x", "y/b.yaml"), swapped.added());
        assertEquals(List.of("x/a.yaml", "y"), swapped.removed());
        assertEquals(List.of(".goldenpath/owned/root.txt", "x", "y/b.yaml"), GitCli.files(bare, "main"));
        GitCli.assertFsckClean(bare);
    }

    @Test
    void identicalFilesOwnedByAnotherPublisherAreStillNotItsToTake() {
        Path bare = temp.resolve("gitops.git");
        RenderedTree shared = Trees.apps("shared", 1, "1");
        GitOps.localBare(bare).root("apps").publisherId("first").publish(shared, "first");

        PublishException e = assertThrows(PublishException.class,
                () -> GitOps.localBare(bare).root("apps").publisherId("second").publish(shared, "second"));

        assertEquals(PublishException.Reason.PATH_CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("(it belongs to publisher 'first')"), e.getMessage());
    }
}
