package dev.goldenpath.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.gitops.GitOps;
import dev.goldenpath.gitops.PublishException;
import dev.goldenpath.pipeline.specs.ShopSpec;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A diff against a checkout is the publisher's dry run on what the checkout holds, working-tree edits included:
 * real publishes into a real bare repository, real clones, then edits on disk.
 */
class CheckoutTest {

    @TempDir
    Path tmp;

    @AfterEach
    void resetReplicas() {
        ShopSpec.webReplicas = 2;
    }

    private static RenderedTree render() {
        return Pipeline.classLoader(CheckoutTest.class.getClassLoader()).platform("shop").render().single()
                .rendering().tree();
    }

    private Path publishedCheckout(RenderedTree tree, String root) throws Exception {
        Path bare = tmp.resolve("gitops.git");
        GitOps.localBare(bare).root(root).publish(tree, "render shop");
        Path checkout = tmp.resolve("checkout");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(checkout.toFile()).call().close();
        return checkout;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "clusters/eu", "_internal/gitops",
            "a-very-long-folder-name-that-goes-on-and-on/and-another-level-of-folders-that-goes-on/and-a-third-one"})
    void reportsWhatAPublishWouldChangeFollowingThePublishersOwnershipRecord(String root) throws Exception {
        RenderedTree tree = render();
        Path checkout = publishedCheckout(tree, root);
        Checkout diff = Checkout.at(checkout).root(root);
        assertTrue(diff.changes(tree).isEmpty(), () -> diff.changes(tree).status());

        Path base = diff.base();
        Path deployment = base.resolve("apps/production/web/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("replicas: 2", "replicas: 5"));
        Files.delete(base.resolve("apps/production/api/service.yaml"));
        // Someone else's file in a folder the tree writes to: not the publisher's, so never removed.
        Files.writeString(base.resolve("apps/production/web/theirs.yaml"), "kind: ConfigMap\n");
        // A file the publisher owns (its record says so) and no longer renders: removed.
        Files.writeString(base.resolve("apps/production/web/old.yaml"), "kind: ConfigMap\n");
        Files.writeString(checkout.resolve(".goldenpath/owned/" + GitOps.defaultPublisherId(root) + ".txt"),
                (root.isEmpty() ? "" : root + "/") + "apps/production/web/old.yaml\n", StandardOpenOption.APPEND);

        Changes changes = diff.changes(tree);
        assertEquals(List.of("apps/production/api/service.yaml"), changes.added());
        assertEquals(List.of("apps/production/web/deployment.yaml"), changes.changed());
        assertEquals(List.of("apps/production/web/old.yaml"), changes.removed());
        assertEquals("""
                A apps/production/api/service.yaml
                M apps/production/web/deployment.yaml
                D apps/production/web/old.yaml
                """, changes.status());
        assertTrue(Files.exists(base.resolve("apps/production/web/old.yaml")), "a diff changes nothing on disk");
    }

    @Test
    void aPlainRenderedFolderIsComparedAsIfThePublisherAdoptedItsFiles() throws Exception {
        RenderedTree before = render();
        Path folder = tmp.resolve("rendered");
        before.writeTo(folder);
        assertTrue(Checkout.at(folder).changes(before).isEmpty());

        ShopSpec.webReplicas = 3;
        Changes changes = Checkout.at(folder).changes(render());
        assertEquals(List.of("apps/production/web/deployment.yaml"), changes.changed());
        assertEquals(List.of(), changes.added());
        assertEquals(List.of(), changes.removed());
    }

    @Test
    void aPathSomeoneElseHoldsIsTheConflictAPublishWouldHit() throws Exception {
        RenderedTree tree = render();
        Path checkout = publishedCheckout(tree, "");
        // A file at a path the tree renders, recorded by nobody: a real publish refuses to overwrite it.
        Files.writeString(checkout.resolve("apps/production/web/hpa.yaml"), "kind: HorizontalPodAutoscaler\n");
        RenderedTree more = RenderedTree.builder().addAll(tree)
                .add("apps/production/web/hpa.yaml", "kind: HorizontalPodAutoscaler\nspec: {}\n").build();

        PublishException conflict = assertThrows(PublishException.class, () -> Checkout.at(checkout).changes(more));
        assertEquals(PublishException.Reason.PATH_CONFLICT, conflict.reason());
    }

    @Test
    void aCheckoutThatIsNoFolderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Checkout.at(tmp.resolve("missing")).changes(render()));
    }
}
