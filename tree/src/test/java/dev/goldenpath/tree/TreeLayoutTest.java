package dev.goldenpath.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every path of the rendered tree comes from TreeLayout, and every reader classifies paths with it. */
class TreeLayoutTest {

    @Test
    void buildsEachFolderOfTheLayout() {
        assertEquals("apps/prod/payments-api", TreeLayout.appFolder("prod", "payments-api"));
        assertEquals("apps/prod", TreeLayout.appsFolder("prod"));
        assertEquals("argocd/prod", TreeLayout.argocdFolder("prod"));
        assertEquals("platform/prod", TreeLayout.platformFolder("prod"));
        assertEquals("platform/prod/namespaces/payments-prod", TreeLayout.namespaceFolder("prod", "payments-prod"));
        assertEquals("platform/prod/falco", TreeLayout.baselineFolder("prod", "falco"));
        assertEquals("platform/prod/extensions", TreeLayout.extensionsFolder("prod"));
        assertEquals("docs/network/prod.md", TreeLayout.networkDiagram("prod"));
        assertEquals("docs/weakenings.md", TreeLayout.WEAKENINGS_PAGE);
        assertEquals("apps/prod/web/kustomization.yaml", TreeLayout.kustomization("apps/prod/web"));
    }

    @Test
    void namesAFileAfterItsKindAndNameUnlessTheObjectIsNamedAfterItsFolder() {
        assertEquals("apps/prod/web/deployment.yaml", TreeLayout.file("apps/prod/web", "Deployment", "web"));
        assertEquals("apps/prod/web/role-web-reader.yaml", TreeLayout.file("apps/prod/web", "Role", "web-reader"));
        assertEquals("platform/prod/namespaces/shop/namespace.yaml",
                TreeLayout.file("platform/prod/namespaces/shop", "Namespace", "shop"));
    }

    @Test
    void readsTheEnvironmentAndTheKindOfFolderBackFromAPath() {
        assertEquals(Optional.of("prod"), TreeLayout.environment("apps/prod/web/deployment.yaml"));
        assertEquals(Optional.of("staging"), TreeLayout.environment("platform/staging"));
        assertEquals(Optional.of("prod"), TreeLayout.environment("argocd/prod/appproject-web-prod.yaml"));
        assertEquals(Optional.empty(), TreeLayout.environment("docs/network/prod.md"));
        assertEquals(Optional.empty(), TreeLayout.environment("apps"));
        assertTrue(TreeLayout.inEnvironment("platform/prod/falco/daemonset.yaml", "prod"));
        assertFalse(TreeLayout.inEnvironment("platform/production/falco/daemonset.yaml", "prod"));
        assertTrue(TreeLayout.isAppFolder("apps/prod/web"));
        assertFalse(TreeLayout.isAppFolder("apps/prod"));
        assertFalse(TreeLayout.isAppFolder("platform/prod/web"));
        assertTrue(TreeLayout.isPlatformFolder("platform/prod"));
        assertFalse(TreeLayout.isPlatformFolder("platform/prod/falco"));
        assertTrue(TreeLayout.isKustomization("apps/prod/web/kustomization.yaml"));
        assertTrue(TreeLayout.isManifest("apps/prod/web/deployment.yaml"));
        assertFalse(TreeLayout.isManifest("apps/prod/web/kustomization.yaml"));
        assertFalse(TreeLayout.isManifest("docs/weakenings.md"));
        assertEquals("apps/prod/web", TreeLayout.folderOf("apps/prod/web/deployment.yaml"));
    }

    @Test
    void listsThePlatformParentsThatLinkASubfolderSoEveryLevelApplies() {
        assertEquals(List.of("platform/prod/namespaces", "platform/prod"),
                TreeLayout.platformParents("platform/prod/namespaces/shop"));
        assertEquals(List.of("platform/prod"), TreeLayout.platformParents("platform/prod/falco"));
        assertEquals(List.of(), TreeLayout.platformParents("platform/prod"));
        assertEquals(List.of(), TreeLayout.platformParents("apps/prod/web"));
    }

    @Test
    void refusesANameThatWouldMoveAFileIntoAnotherFolder() {
        for (String bad : List.of("", "a/b", ".", "..")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreeLayout.appFolder("prod", bad));
            assertTrue(e.getMessage().contains("cannot be a folder name"), e.getMessage());
        }
    }
}
