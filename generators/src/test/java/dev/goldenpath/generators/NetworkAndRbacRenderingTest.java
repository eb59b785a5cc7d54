package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.watch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NetworkAndRbacRenderingTest {

    private static RenderedTree render(UnaryOperator<App.Builder> api) {
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("web").owner("web@example.com"))
                .team(team("data").owner("data@example.com"))
                .app(api.apply(app("api").team("web").image("r.example.com/api:1").port(8080)))
                .app(app("db").team("data").image("r.example.com/db:1").port("postgres", 5432))
                .app(app("ui").team("web").image("r.example.com/ui:1").port(3000))
                .build();
        return Renderer.secureByDefault().render(platform).tree();
    }

    private static <T> T parse(RenderedTree tree, String path, Class<T> type) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError(path + " not in " + tree.paths())), type);
    }

    @Test
    void everyNamespaceGetsADefaultDenyForBothDirections() {
        RenderedTree tree = render(a -> a);
        for (String namespace : List.of("web-prod", "data-prod")) {
            NetworkPolicy deny = parse(tree, "platform/prod/namespaces/" + namespace + "/networkpolicy-default-deny.yaml", NetworkPolicy.class);
            assertTrue(deny.getSpec().getPodSelector().getMatchLabels().isEmpty());
            assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
            assertTrue(deny.getSpec().getIngress().isEmpty());
            assertTrue(deny.getSpec().getEgress().isEmpty());
        }
    }

    @Test
    void oneDeclarationRendersBothEgressAndIngress() {
        RenderedTree tree = render(a -> a.calls("db", 5432));
        NetworkPolicy api = parse(tree, "apps/prod/api/networkpolicy.yaml", NetworkPolicy.class);
        NetworkPolicy db = parse(tree, "apps/prod/db/networkpolicy.yaml", NetworkPolicy.class);
        NetworkPolicyPeer to = api.getSpec().getEgress().get(0).getTo().get(0);
        assertEquals(Map.of("kubernetes.io/metadata.name", "data-prod"), to.getNamespaceSelector().getMatchLabels());
        assertEquals(Map.of("app.kubernetes.io/name", "db"), to.getPodSelector().getMatchLabels());
        assertEquals(5432, api.getSpec().getEgress().get(0).getPorts().get(0).getPort().getIntVal());
        NetworkPolicyPeer from = db.getSpec().getIngress().get(0).getFrom().get(0);
        assertEquals(Map.of("kubernetes.io/metadata.name", "web-prod"), from.getNamespaceSelector().getMatchLabels());
        assertEquals(Map.of("app.kubernetes.io/name", "api"), from.getPodSelector().getMatchLabels());
        assertEquals(1, db.getSpec().getIngress().size());
    }

    @Test
    void sameNamespacePeersUseOnlyAPodSelector() {
        RenderedTree tree = render(a -> a.calledBy("ui", 8080));
        NetworkPolicyPeer from = parse(tree, "apps/prod/api/networkpolicy.yaml", NetworkPolicy.class).getSpec().getIngress().get(0).getFrom().get(0);
        assertEquals(null, from.getNamespaceSelector());
        assertEquals(Map.of("app.kubernetes.io/name", "ui"), from.getPodSelector().getMatchLabels());
    }

    @Test
    void allowsDnsByDefaultAndNotWhenSwitchedOff() {
        NetworkPolicy withDns = parse(render(a -> a), "apps/prod/api/networkpolicy.yaml", NetworkPolicy.class);
        assertEquals(1, withDns.getSpec().getEgress().size());
        assertEquals(List.of("TCP", "UDP"), withDns.getSpec().getEgress().get(0).getPorts().stream().map(p -> p.getProtocol()).toList());
        assertEquals(Map.of("k8s-app", "kube-dns"), withDns.getSpec().getEgress().get(0).getTo().get(0).getPodSelector().getMatchLabels());
        NetworkPolicy withoutDns = parse(render(App.Builder::withoutDns), "apps/prod/api/networkpolicy.yaml", NetworkPolicy.class);
        assertTrue(withoutDns.getSpec().getEgress().isEmpty());
        assertEquals(List.of("Ingress", "Egress"), withoutDns.getSpec().getPolicyTypes());
    }

    @Test
    void rendersExternalBlocksWithExceptions() {
        NetworkPolicy api = parse(render(a -> a.withoutDns().callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443))),
                "apps/prod/api/networkpolicy.yaml", NetworkPolicy.class);
        var block = api.getSpec().getEgress().get(0).getTo().get(0).getIpBlock();
        assertEquals("203.0.113.0/24", block.getCidr());
        assertEquals(List.of("203.0.113.128/25"), block.getExcept());
    }

    @Test
    void apiEgressAndTokenOnlyForAppsWithPermissions() {
        RenderedTree without = render(a -> a);
        assertFalse(parse(without, "apps/prod/api/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
        assertFalse(without.contains("apps/prod/api/role.yaml"));
        RenderedTree with = render(a -> a.permissions(read("configmaps")));
        assertTrue(parse(with, "apps/prod/api/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
        NetworkPolicy api = parse(with, "apps/prod/api/networkpolicy.yaml", NetworkPolicy.class);
        assertTrue(api.getSpec().getEgress().stream().anyMatch(rule -> rule.getTo().get(0).getIpBlock() != null
                && rule.getTo().get(0).getIpBlock().getCidr().equals("10.0.0.1/32")
                && rule.getPorts().get(0).getPort().getIntVal() == 6443));
    }

    @Test
    void mergesPermissionsIntoSortedRulesBoundToTheAppsOwnServiceAccount() {
        RenderedTree tree = render(a -> a.permissions(watch("pods"), watch("configmaps"), read("services"),
                allow("get").on("configmaps").named("b", "a")).roleName("api-reader"));
        Role role = parse(tree, "apps/prod/api/role-api-reader.yaml", Role.class);
        assertEquals(3, role.getRules().size());
        assertEquals(List.of("configmaps"), role.getRules().get(0).getResources());
        assertEquals(List.of("a", "b"), role.getRules().get(0).getResourceNames());
        assertEquals(List.of("configmaps", "pods"), role.getRules().get(1).getResources());
        assertEquals(List.of("list", "watch"), role.getRules().get(1).getVerbs());
        assertEquals(List.of("services"), role.getRules().get(2).getResources());
        assertEquals(List.of("get", "list", "watch"), role.getRules().get(2).getVerbs());
        RoleBinding binding = parse(tree, "apps/prod/api/rolebinding-api-reader.yaml", RoleBinding.class);
        assertEquals(1, binding.getSubjects().size());
        assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
        assertEquals("api", binding.getSubjects().get(0).getName());
        assertEquals("web-prod", binding.getSubjects().get(0).getNamespace());
        assertEquals("api-reader", binding.getRoleRef().getName());
    }

    @Test
    void clusterWidePermissionsBecomeAClusterRoleCarryingTheReason() {
        String reason = "lists nodes to pick a zone; approved in SEC-77";
        RenderedTree tree = render(a -> a.permissions(read("nodes").clusterWide()).weaken(Weakening.CLUSTER_ROLE, reason));
        ClusterRole role = parse(tree, "apps/prod/api/clusterrole-web-prod-api.yaml", ClusterRole.class);
        assertEquals(reason, role.getMetadata().getAnnotations().get("weakening.goldenpath.dev/rbac-cluster-role"));
        assertTrue(tree.contains("apps/prod/api/clusterrolebinding-web-prod-api.yaml"));
    }

    @Test
    void drawsTheAllowedGraph() {
        String diagram = render(a -> a.calls("db", 5432)).text("docs/network/prod.md").orElseThrow();
        assertTrue(diagram.contains("flowchart LR"));
        assertTrue(diagram.contains("| app:web-prod/api | app:data-prod/db | TCP 5432 |"));
    }
}
