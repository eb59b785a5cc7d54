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
    void failsForANewFolderWithoutSnapshot() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ManifestApprovals.in(dir).verify(TREE));
        assertTrue(failure.getMessage().startsWith("2 snapshot(s) differ"), failure.getMessage());
        assertTrue(failure.getMessage().contains("+ # deployment.yaml"), failure.getMessage());
    }
}
