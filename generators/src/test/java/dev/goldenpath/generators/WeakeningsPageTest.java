package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.Linter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code docs/weakenings.md} lists every weakening the rendered tree holds, read from the rendered objects. */
class WeakeningsPageTest {

    static Platform everyKindOfException() {
        return platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("staging").cluster("https://staging.example.com:6443").apiServer(6443, "10.0.0.1/32"))
                .environment(environment("production").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.2/32"))
                .team(team("web").owner("web@example.com"))
                .team(team("ops").owner("ops@example.com"))
                .app(app("api").team("web").image("registry.example.com/web/api:1.0").port(8080))
                .app(app("legacy").team("web").image("registry.example.com/web/legacy:7.1").port(8080)
                        .runAsUser(0).weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; ticket WEB-1")
                        .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "writes its pid file below /var/run; WEB-2")
                        .weaken(Weakening.PRIVILEGE_ESCALATION, "setuid helper binary for log rotation; WEB-3"))
                .app(app("edge").team("ops").image("registry.example.com/ops/edge:2.0")
                        .port(port("http", 8080).onHostPort(80))
                        .addCapabilities("NET_ADMIN")
                        .weaken(Weakening.HOST_PORTS, "answers on the node's port 80 for the legacy balancer; OPS-4")
                        .weaken(Weakening.ADDED_CAPABILITIES, "programs the node's routes for the edge; OPS-5"))
                .app(app("janitor").team("ops").image("registry.example.com/ops/janitor:1.2").port(8080)
                        .permissions(read("namespaces").clusterWide(), read("secrets"))
                        .weaken(Weakening.CLUSTER_ROLE, "lists namespaces to clean up across the cluster; OPS-6")
                        .weaken(Weakening.RBAC_SECRETS, "deletes expired TLS secrets of its own namespace; OPS-7"))
                .baseline(baseline())
                .build();
    }

    private static final Rendering RENDERING = Renderer.secureByDefault().render(everyKindOfException());
    private static final String PAGE = RENDERING.tree().text(WeakeningsPage.PATH).orElseThrow();

    /** The page's table rows, each as its five cells. */
    private static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        PAGE.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| environment ")).forEach(l ->
                rows.add(List.of(l.substring(2, l.length() - 2).split(" \\| ", -1))));
        return rows;
    }

    private static boolean listed(String environment, String rule, String object) {
        return rows().stream().anyMatch(r -> r.get(0).equals(environment) && r.get(2).startsWith(rule)
                && List.of(r.get(4).split(", ")).contains(object));
    }

    @Test
    void everyWeakenedLintFindingIsOnThePage() {
        List<Finding> weakened = Linter.defaults().lint(RENDERING.tree()).weakened();
        assertTrue(weakened.size() > 20, weakened::toString);
        for (Finding finding : weakened) {
            String environment = finding.file().split("/")[1];
            assertTrue(listed(environment, finding.ruleId(), finding.object()), finding + " missing from\n" + PAGE);
        }
    }

    @Test
    void everyWeakenedPodAndEveryLoweredNamespaceIsOnThePage() {
        // Read the objects independently of the annotations: anything a restricted namespace would refuse.
        Set<String> weakened = new TreeSet<>();
        Set<String> lowered = new TreeSet<>();
        List<String> paths = RENDERING.tree().paths().stream().filter(p -> p.endsWith(".yaml")
                && !p.endsWith("kustomization.yaml")).toList();
        for (String path : paths) {
            JsonNode object = Yaml.read(RENDERING.tree().bytes(path).orElseThrow());
            String environment = path.split("/")[1];
            String label = object.path("kind").asText() + " " + (object.at("/metadata/namespace").isMissingNode()
                    ? "" : object.at("/metadata/namespace").asText() + "/") + object.at("/metadata/name").asText();
            if (object.path("kind").asText().equals("Namespace")) {
                String enforce = object.at("/metadata/labels").path("pod-security.kubernetes.io/enforce").asText();
                if (!enforce.equals("restricted")) {
                    lowered.add(environment + " " + object.at("/metadata/name").asText());
                    assertTrue(listed(environment, "namespace-pod-security (enforce: " + enforce + ")", label), label + "\n" + PAGE);
                }
            }
            JsonNode pod = object.at("/spec/template/spec");
            if (!pod.isMissingNode() && weakensRestricted(pod)) {
                weakened.add(environment + " " + label);
                assertTrue(rows().stream().anyMatch(r -> r.get(0).equals(environment) && r.get(4).contains(label)),
                        label + " is weakened but not listed:\n" + PAGE);
            }
        }
        assertEquals(Set.of("production DaemonSet falco/falco", "production Deployment ops-production/edge",
                "production Deployment web-production/legacy", "staging DaemonSet falco/falco",
                "staging Deployment ops-staging/edge", "staging Deployment web-staging/legacy"), weakened);
        assertEquals(Set.of("production falco", "production ops-production", "production web-production",
                "staging falco", "staging ops-staging", "staging web-staging"), lowered);
    }

    @Test
    void theBaselinesOwnWeakeningsAreListedWithTheirReasons() {
        for (String rule : List.of("pss-app-armor", "pss-capabilities-baseline", "pss-host-path-volumes",
                "pss-run-as-non-root", "pss-run-as-user")) {
            assertTrue(listed("production", rule, "DaemonSet falco/falco"), rule + "\n" + PAGE);
        }
        assertTrue(listed("staging", "namespace-pod-security (enforce: privileged)", "Namespace falco"), PAGE);
        assertTrue(PAGE.contains("| production | ops-production | namespace-pod-security (enforce: privileged) | "), PAGE);
        assertTrue(PAGE.contains("| staging | (cluster) | rbac-cluster-role | lists namespaces to clean up across the "
                + "cluster; OPS-6 | ClusterRole ops-staging-janitor, ClusterRoleBinding ops-staging-janitor |"), PAGE);
        assertFalse(PAGE.contains("| web-production | pss-run-as-non-root | vendor image needs uid 0; ticket WEB-1 | Deployment web-production/legacy, "
                + "Deployment"), "one row per exception and namespace, its objects together");
    }

    @Test
    void aLoweredNamespaceWithoutAReasonIsStillListed() {
        ObjectNode namespace = Yaml.toTree(Map.of("apiVersion", "v1", "kind", "Namespace",
                "metadata", Map.of("name", "legacy", "labels", Map.of("pod-security.kubernetes.io/enforce", "baseline"))));
        ObjectNode restricted = Yaml.toTree(Map.of("apiVersion", "v1", "kind", "Namespace",
                "metadata", Map.of("name", "web", "labels", Map.of("pod-security.kubernetes.io/enforce", "restricted"))));
        String page = WeakeningsPage.markdown(List.of("platform/prod/namespaces/legacy/namespace.yaml",
                "platform/prod/namespaces/web/namespace.yaml"), List.of(namespace, restricted));
        assertTrue(page.endsWith("| prod | legacy | namespace-pod-security (enforce: baseline) | (no reason recorded) | "
                + "Namespace legacy |\n"), page);
        assertFalse(page.contains("Namespace web"));
    }

    @Test
    void aTreeWithoutWeakeningsSaysSo() {
        ObjectNode restricted = Yaml.toTree(Map.of("apiVersion", "v1", "kind", "Namespace",
                "metadata", Map.of("name", "web", "labels", Map.of("pod-security.kubernetes.io/enforce", "restricted"))));
        assertTrue(WeakeningsPage.markdown(List.of("platform/prod/namespaces/web/namespace.yaml"), List.of(restricted))
                .endsWith("None: every workload runs with every secure default.\n"));
    }

    /** What PSS restricted refuses in a pod, read from the pod itself. */
    private static boolean weakensRestricted(JsonNode pod) {
        boolean weakened = pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean()
                || pod.path("hostIPC").asBoolean() || pod.path("securityContext").path("runAsUser").asLong(1) == 0
                || pod.path("securityContext").path("runAsNonRoot").asBoolean(true) == false;
        for (JsonNode volume : pod.path("volumes")) {
            weakened |= volume.has("hostPath");
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(list)) {
                JsonNode context = container.path("securityContext");
                weakened |= context.path("privileged").asBoolean() || context.path("allowPrivilegeEscalation").asBoolean(false)
                        || context.path("readOnlyRootFilesystem").asBoolean(true) == false
                        || context.path("runAsUser").asLong(1) == 0 || context.path("runAsNonRoot").asBoolean(true) == false
                        || !context.path("capabilities").path("add").isEmpty()
                        && !context.path("capabilities").path("add").toString().equals("[\"NET_BIND_SERVICE\"]")
                        || context.path("appArmorProfile").path("type").asText().equals("Unconfined")
                        || context.path("seccompProfile").path("type").asText().equals("Unconfined");
                for (JsonNode port : container.path("ports")) {
                    weakened |= port.path("hostPort").asInt() != 0;
                }
            }
        }
        return weakened;
    }
}
