package dev.goldenpath.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestApprovalsTest {

    private static final RenderedTree TREE = RenderedTree.builder()
            .add("apps/prod/api/deployment.yaml", "kind: Deployment\nspec:\n  replicas: 2\n")
            .add("apps/prod/api/service.yaml", "kind: Service\n")
            .add("apps/prod/db/sealedsecret-creds.yaml",
                    "kind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3iQ9\n    user: AgCx77\n  template:\n    type: Opaque\n")
            .build();

    @TempDir
    Path dir;

    @AfterEach
    void clearApproveFlag() {
        System.clearProperty(ManifestApprovals.APPROVE_PROPERTY);
    }

    private void approve(RenderedTree tree) {
        System.setProperty(ManifestApprovals.APPROVE_PROPERTY, "true");
        ManifestApprovals.in(dir).verify(tree);
        System.clearProperty(ManifestApprovals.APPROVE_PROPERTY);
    }

    @Test
    void writesOneReadableSnapshotPerFolder() throws Exception {
        approve(TREE);
        assertEquals("# deployment.yaml\nkind: Deployment\nspec:\n  replicas: 2\n---\n# service.yaml\nkind: Service\n",
                Files.readString(dir.resolve("apps/prod/api.approved.yaml")));
        ManifestApprovals.in(dir).verify(TREE);
    }

    @Test
    void scrubsSealedCiphertext() throws Exception {
        approve(TREE);
        String snapshot = Files.readString(dir.resolve("apps/prod/db.approved.yaml"));
        assertTrue(snapshot.contains("    password: <sealed ciphertext>\n    user: <sealed ciphertext>\n  template:\n    type: Opaque"),
                snapshot);
        assertFalse(snapshot.contains("AgBy3iQ9"));
        RenderedTree resealed = RenderedTree.builder().addAll(TREE.filter(p -> !p.contains("sealedsecret")))
                .add("apps/prod/db/sealedsecret-creds.yaml",
                        "kind: SealedSecret\nspec:\n  encryptedData:\n    password: AgDifferent\n    user: AgOther\n  template:\n    type: Opaque\n")
                .build();
        ManifestApprovals.in(dir).verify(resealed);
    }

    @Test
    void failsWithADiffWhenOutputChanges() {
        approve(TREE);
        RenderedTree changed = RenderedTree.builder().addAll(TREE.filter(p -> !p.endsWith("deployment.yaml")))
                .add("apps/prod/api/deployment.yaml", "kind: Deployment\nspec:\n  replicas: 3\n").build();
        AssertionError failure = assertThrows(AssertionError.class, () -> ManifestApprovals.in(dir).verify(changed));
        assertTrue(failure.getMessage().startsWith("1 snapshot(s) differ"), failure.getMessage());
        assertTrue(failure.getMessage().contains("apps/prod/api:\n"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-   replicas: 2\n+   replicas: 3\n"), failure.getMessage());
        assertTrue(Files.exists(dir.resolve("apps/prod/api.received.yaml")));
    }

    @Test
    void failsOnSnapshotsOfFoldersThatAreNoLongerRendered() {
        approve(TREE);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ManifestApprovals.in(dir).verify(TREE.filter(p -> !p.startsWith("apps/prod/db/"))));
        assertTrue(failure.getMessage().contains("apps/prod/db.approved.yaml: approved, but nothing was rendered there"),
                failure.getMessage());
    }

    @Test
    void aFirstRunReportsNewSnapshotsByFolderAndFileWithoutDumpingThem() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ManifestApprovals.in(dir).verify(TREE));
        String message = failure.getMessage();
        assertTrue(message.startsWith("2 new snapshot(s), not approved yet"), message);
        assertFalse(message.contains("differ"), message);
        assertTrue(message.contains("  apps/prod/api (deployment.yaml, service.yaml) -> "
                + dir.resolve("apps/prod/api.received.yaml")), message);
        assertFalse(message.contains("kind: Deployment"), "a new snapshot is named, not dumped:\n" + message);
        assertTrue(Files.exists(dir.resolve("apps/prod/api.received.yaml")));
    }

    @Test
    void eachHunkNamesTheFileAndLineInsideTheFolderSnapshot() {
        RenderedTree before = RenderedTree.builder()
                .add("apps/prod/api/deployment.yaml", "kind: Deployment\nspec:\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  e: 5\n  replicas: 2\n")
                .add("apps/prod/api/service.yaml", "kind: Service\nspec:\n  ports:\n    - port: 80\n").build();
        approve(before);
        RenderedTree after = RenderedTree.builder()
                .add("apps/prod/api/deployment.yaml", "kind: Deployment\nspec:\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  e: 5\n  replicas: 3\n")
                .add("apps/prod/api/service.yaml", "kind: Service\nspec:\n  ports:\n    - port: 8080\n").build();

        String message = assertThrows(AssertionError.class, () -> ManifestApprovals.in(dir).verify(after)).getMessage();

        // replicas is line 8 of deployment.yaml; the hunk starts two lines of context earlier, at line 6.
        assertTrue(message.contains("@@ deployment.yaml line 6 @@\n    d: 4\n    e: 5\n-   replicas: 2\n+   replicas: 3\n"), message);
        assertTrue(message.contains("@@ service.yaml line 2 @@\n"), message);
        assertTrue(message.contains("-     - port: 80\n+     - port: 8080\n"), message);
    }

    @Test
    void approvingSaysWhatItApprovedAndDeleted() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream log = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setProperty(ManifestApprovals.APPROVE_PROPERTY, "true");
        ManifestApprovals.in(dir).verify(TREE, log);
        ManifestApprovals.in(dir).verify(TREE.filter(p -> !p.startsWith("apps/prod/db/")), log);
        ManifestApprovals.in(dir).verify(TREE.filter(p -> !p.startsWith("apps/prod/db/")), log);
        String output = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertTrue(output.contains("goldenpath approvals: approved new apps/prod/api -> " + dir.resolve("apps/prod/api.approved.yaml")), output);
        assertTrue(output.contains("goldenpath approvals: 2 new, 0 changed, 0 deleted snapshot(s) in " + dir), output);
        assertTrue(output.contains("goldenpath approvals: deleted " + dir.resolve("apps/prod/db.approved.yaml")), output);
        assertTrue(output.contains("0 new, 0 changed, 1 deleted"), output);
        assertTrue(output.contains("0 new, 0 changed, 0 deleted snapshot(s) in " + dir + " (nothing to approve)"), output);
        assertFalse(Files.exists(dir.resolve("apps/prod/db.approved.yaml")));
    }
}
