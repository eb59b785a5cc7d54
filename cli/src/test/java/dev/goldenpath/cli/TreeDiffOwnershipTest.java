package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.gitops.GitOps;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code goldenpath diff} decides what counts as removed from the ownership record {@code publish} wrote. It used a
 * copy of the publisher-id rule that had drifted: for a root starting with '_' or '-', or longer than 100
 * characters, it looked for a record that does not exist and then took every file in the tree's folders as owned, so
 * someone else's file there was reported as removed. It now asks the publisher for the id.
 */
class TreeDiffOwnershipTest {

    private static final String SAMPLE = "dev.goldenpath.samples.AcmeSpec";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"clusters/eu", "_internal/gitops",
            "a-very-long-folder-name-that-goes-on-and-on/and-another-level-of-folders-that-goes-on/and-a-third-one"})
    void diffReadsTheRecordPublishWroteWhateverTheRoot(String root) throws Exception {
        Path bare = tmp.resolve("gitops.git");
        Run publish = Run.of("publish", "--spec", SAMPLE, "--repository", bare.toString(), "--create",
                "--root", root);
        assertEquals(0, publish.exit(), publish::toString);
        Path checkout = tmp.resolve("checkout");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(checkout.toFile()).call().close();
        assertTrue(Files.isRegularFile(checkout.resolve(".goldenpath/owned/" + GitOps.defaultPublisherId(root) + ".txt")));

        // Someone else's file in a folder the tree writes to: not the publisher's, so never "removed".
        Files.writeString(checkout.resolve(root).resolve("apps/production/frontend/theirs.yaml"), "kind: ConfigMap\n");
        Run identical = Run.of("diff", "--spec", SAMPLE, "--checkout", checkout.toString(), "--root", root);
        assertEquals(0, identical.exit(), identical::toString);
        assertEquals("", identical.out());

        // A file the publisher owns and no longer renders is.
        Files.writeString(checkout.resolve(".goldenpath/owned/" + GitOps.defaultPublisherId(root) + ".txt"),
                root + "/apps/production/frontend/old.yaml\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(checkout.resolve(root).resolve("apps/production/frontend/old.yaml"), "kind: ConfigMap\n");
        Run removed = Run.of("diff", "--spec", SAMPLE, "--checkout", checkout.toString(), "--root", root);
        assertEquals(Goldenpath.FINDINGS, removed.exit(), removed::toString);
        assertEquals("D apps/production/frontend/old.yaml\n", removed.out());
    }
}
