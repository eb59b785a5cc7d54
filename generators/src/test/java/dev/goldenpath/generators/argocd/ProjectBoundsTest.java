package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A project's allow-lists read as Argo CD reads them, whether an entry is a literal or a pattern. */
class ProjectBoundsTest {

    private static final String SERVER = "https://kubernetes.default.svc";

    private static ProjectBounds bounds(List<Application.Destination> destinations,
                                        List<AppProject.ClusterResource> resources, List<AppProject.GroupKind> kinds) {
        return new ProjectBounds(new AppProject.Spec("test", List.of("https://git.example.com/*/gitops.git"),
                destinations, resources, kinds, AppProject.OrphanedResources.WARN));
    }

    @Test
    void theFirstMatchingClusterResourceGrantsWhetherLiteralOrPattern() {
        AppProject.ClusterResource pattern = new AppProject.ClusterResource("", "Namespace", "team-*");
        AppProject.ClusterResource literal = new AppProject.ClusterResource("", "Namespace", "team-a");
        AppProject.ClusterResource anyName = new AppProject.ClusterResource("rbac.authorization.k8s.io", "ClusterRole", null);
        AppProject.ClusterResource later = new AppProject.ClusterResource("", "Namespace", "other");
        ProjectBounds bounds = bounds(List.of(), List.of(pattern, literal, anyName, later), List.of());
        assertEquals(Optional.of(pattern), bounds.clusterGrant("", "Namespace", "team-a"));
        assertEquals(Optional.of(later), bounds.clusterGrant("", "Namespace", "other"));
        assertEquals(Optional.of(anyName), bounds.clusterGrant("rbac.authorization.k8s.io", "ClusterRole", "reader"));
        assertEquals(Optional.empty(), bounds.clusterGrant("", "Namespace", "kube-system"));
        assertEquals(Optional.empty(), bounds.clusterGrant("", "PersistentVolume", "team-a"));

        ProjectBounds literalFirst = bounds(List.of(), List.of(literal, pattern), List.of());
        assertEquals(Optional.of(literal), literalFirst.clusterGrant("", "Namespace", "team-a"));
        assertEquals(Optional.of(pattern), literalFirst.clusterGrant("", "Namespace", "team-b"));
    }

    @Test
    void namespacedKindsMatchByGroupAndKindAndAnEmptyListAdmitsAll() {
        ProjectBounds bounds = bounds(List.of(), List.of(), List.of(new AppProject.GroupKind("apps", "Deployment"),
                new AppProject.GroupKind("networking.k8s.io", "*"), new AppProject.GroupKind(null, "Service")));
        assertTrue(bounds.namespacedKindAllowed("apps", "Deployment"));
        assertTrue(bounds.namespacedKindAllowed("networking.k8s.io", "NetworkPolicy"));
        assertTrue(bounds.namespacedKindAllowed("", "Service"));
        assertFalse(bounds.namespacedKindAllowed("apps", "StatefulSet"));
        assertFalse(bounds.namespacedKindAllowed("", "Deployment"));
        assertTrue(bounds(List.of(), List.of(), List.of()).namespacedKindAllowed("anything", "AtAll"));
    }

    @Test
    void destinationsWithoutNamespaceMatchTheEmptyNamespaceAndByNameAreSkipped() {
        ProjectBounds bounds = bounds(List.of(Application.Destination.server(SERVER, null),
                Application.Destination.named("in-cluster", "web"), Application.Destination.server(SERVER, "web-?")),
                List.of(), List.of());
        assertTrue(bounds.destinationAllowed(SERVER, ""));
        assertTrue(bounds.destinationAllowed(SERVER, "web-1"));
        assertFalse(bounds.destinationAllowed(SERVER, "web"));
        assertFalse(bounds.destinationAllowed("https://other.example.com", ""));
    }

    @Test
    void sourceRepositoriesAreGlobsToo() {
        ProjectBounds bounds = bounds(List.of(), List.of(), List.of());
        assertTrue(bounds.sourceAllowed("https://git.example.com/acme/gitops.git"));
        assertFalse(bounds.sourceAllowed("https://git.example.com/acme/other/gitops.git"));
    }
}
