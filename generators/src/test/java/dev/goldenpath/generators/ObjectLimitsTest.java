package dev.goldenpath.generators;

import dev.goldenpath.generators.report.RenderException;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The API server's limits on names, labels and annotations, checked on every rendered object before anything is written. */
class ObjectLimitsTest {

    /**
     * The longest names the spec allows together: a 60-character app in environment "pr" (Argo CD's 63-character
     * Application name "pr-<app>"), a 63-character team, secret and store names of 63 characters, a mounted secret
     * and a long writable path (both become volume names, DNS labels of at most 63 characters).
     */
    static final String APP = "a" + "b".repeat(58) + "c";
    static final String TEAM = "t" + "e".repeat(61) + "m";
    static final String STORE = "s" + "t".repeat(61) + "e";
    static final String SECRET = "s" + "e".repeat(61) + "c";

    static Platform atTheLimits(UnaryOperator<App.Builder> change) {
        return platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("pr").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .secretStore(vault(STORE, "https://vault.example.com:8200"))
                .team(team(TEAM).owner("owner@example.com"))
                .app(change.apply(app(APP).team(TEAM).namespace("{team}").image("registry.example.com/api:1.0.0").port(8080)
                        .permissions(read("pods")).writablePath("/var/cache/" + "c".repeat(100))
                        .secret(external(SECRET).store(STORE).remote("token", "p/c", "token").env("TOKEN", "token")
                                .mountAt("/etc/token"))))
                .build();
    }

    @Test
    void namesAtTheSpecsLimitsRenderWithinTheApiServersLimits() {
        Rendering rendering = Renderer.secureByDefault().render(atTheLimits(a -> a));
        // Every rendered object was checked, and the longest derived names are in the tree.
        assertTrue(rendering.tree().paths().contains("apps/pr/" + APP + "/externalsecret-" + SECRET + ".yaml"));
        assertTrue(rendering.tree().paths().contains("apps/pr/" + APP + "/secretstore-" + STORE + "-" + APP + ".yaml"),
                rendering.tree().paths().toString());
        for (int i = 0; i < rendering.objects().size(); i++) {
            assertEquals(List.of(), ObjectLimits.check("object " + i, rendering.objects().get(i), 0, Integer.MAX_VALUE));
        }
    }

    @Test
    void weakeningReasonsPushTheAnnotationsOverTheirLimitOnEveryObjectThatCarriesThem() {
        // The spec caps one reason at 4096 characters and an app's own annotations at 256 KiB; the annotations the
        // renderer adds from the reasons (RUN_AS_ROOT exempts two rules: two annotations) are beyond what it checks.
        String reason = "vendor image needs uid 0, ticket SEC-1: " + "x".repeat(4000);
        String notes = "y".repeat(255 * 1024);
        RenderException refused = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .render(atTheLimits(a -> a.annotation("example.com/notes", notes).runAsUser(0)
                        .weaken(Weakening.RUN_AS_ROOT, reason))));
        String deployment = "apps/pr/" + APP + "/deployment.yaml: Deployment " + TEAM + "/" + APP + ": ";
        List<String> problems = refused.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(deployment + "metadata: the annotations hold ")),
                problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.contains("over the 262144 bytes (256 KiB)")), problems::toString);
        assertTrue(refused.getMessage().length() < 4000, "the message names the problem, not the annotations");
    }

    @Test
    void anAppsOwnAnnotationsWithinTheirLimitAndAReasonTogetherAreRefused() {
        String big = "y".repeat(254 * 1024);
        RenderException refused = assertThrows(RenderException.class, () -> Renderer.secureByDefault().render(atTheLimits(a -> a
                .annotation("example.com/notes", big)
                .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary rewrites /etc at start; ticket OPS-1 " + "z".repeat(4000)))));
        assertTrue(refused.problems().stream().anyMatch(p -> p.contains("Deployment " + TEAM + "/" + APP + ": metadata: the annotations hold")),
                refused.problems()::toString);
    }

    @Test
    void annotationsAreCountedInTheBytesTheApiServerCounts() {
        // apimachinery counts len(k) + len(v) of Go strings: UTF-8 bytes (Utf8Test holds the count to the encoder).
        // At the limit, in characters of three bytes each: one byte under passes, one byte over is refused.
        String key = "example.com/notes";
        String under = "\u20AC".repeat((ObjectLimits.MAX_ANNOTATION_BYTES - key.length()) / 3);
        int left = ObjectLimits.MAX_ANNOTATION_BYTES - key.length() - under.length() * 3;
        ObjectNode fits = object("v1", "ConfigMap", "notes", "team", "{}");
        ((ObjectNode) fits.path("metadata")).putObject("annotations").put(key, under + "x".repeat(left));
        assertEquals(List.of(), ObjectLimits.check("c.yaml", fits, 0, Integer.MAX_VALUE));
        ObjectNode over = object("v1", "ConfigMap", "notes", "team", "{}");
        ((ObjectNode) over.path("metadata")).putObject("annotations").put(key, under + "x".repeat(left - 1) + "\u00E9");
        assertEquals(1, ObjectLimits.check("c.yaml", over, 0, Integer.MAX_VALUE).size());
    }

    @Test
    void anObjectOverTheSizeGuardIsRefusedWithTheOtherProblems() {
        JsonNode object = object("v1", "ConfigMap", "rules", "falco", "{}");
        List<String> problems = ObjectLimits.check("platform/p/falco/configmap-rules.yaml", object, 1_000_000, Renderer.MAX_OBJECT_BYTES);
        assertEquals(List.of("platform/p/falco/configmap-rules.yaml is 1000000 bytes, over the 921600 bytes a Kubernetes object "
                + "may safely hold"), problems);
    }

    // --- Every rule, on objects as a generator could emit them ---------------------------------------------------

    @Test
    void namesFollowTheRuleOfTheirKind() {
        String label64 = "n".repeat(64);
        assertEquals(1, problems(object("v1", "Namespace", label64, null, "{}")).size());
        assertEquals(List.of(), problems(object("v1", "ConfigMap", label64, "ns", "{}")));
        assertTrue(problems(object("v1", "Service", "1st", "ns", "{}")).get(0).contains("DNS-1035"));
        assertTrue(problems(object("v1", "ConfigMap", "n".repeat(254), "ns", "{}")).get(0)
                .contains("is 254 characters, over the 253 of a DNS-1123 subdomain"));
        assertTrue(problems(object("v1", "ConfigMap", "Upper", "ns", "{}")).get(0).contains("DNS-1123 subdomain"));
        assertEquals(List.of(), problems(object("rbac.authorization.k8s.io/v1", "ClusterRole", "goldenpath:reader", null, "{}")));
        assertEquals(1, problems(object("rbac.authorization.k8s.io/v1", "Role", "a/b", "ns", "{}")).size());
        assertTrue(problems(object("batch/v1", "CronJob", "c".repeat(53), "ns", "{}")).get(0).contains("over the 52 of a CronJob"));
        assertEquals(List.of(), problems(object("batch/v1", "CronJob", "c".repeat(52), "ns", "{}")));
        assertEquals(1, problems(object("batch/v1", "Job", label64, "ns", "{}")).size());
        assertTrue(problems(object("argoproj.io/v1alpha1", "AppProject", "team_x", "argocd", "{}")).get(0)
                .contains("metadata.name: 'team_x' must be a DNS-1123 subdomain"));
        assertTrue(problems(object("v1", "ConfigMap", "ok", label64, "{}")).get(0).contains("metadata.namespace"));
    }

    @Test
    void labelKeysAndValuesOnTheObjectItsPodsAndItsSelectors() {
        ObjectNode deployment = object("apps/v1", "Deployment", "api", "ns", """
                {"selector": {"matchLabels": {"app.kubernetes.io/name": "%s"}},
                 "template": {"metadata": {"labels": {"version": "1.0+build"}},
                              "spec": {"containers": [{"name": "api", "ports": [{"name": "metrics-endpoint", "containerPort": 9}]}],
                                       "volumes": [{"name": "Cache"}]}}}""".formatted("v".repeat(64)));
        ((ObjectNode) deployment.path("metadata")).putObject("labels").put("-bad", "x").put("example.com/" + "k".repeat(64), "x");
        List<String> problems = problems(deployment);
        assertEquals(6, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("metadata.labels: '-bad' must be a qualified name"), problems.get(0));
        assertTrue(problems.get(1).contains("the name part of a key"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("spec.selector.matchLabels[app.kubernetes.io/name]: ")
                && p.contains("is 64 characters, over the 63 of a label value")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("spec.template.metadata.labels[version]: '1.0+build'")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("spec.template.spec.containers[0].ports[0].name: 'metrics-endpoint' is 16")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("spec.template.spec.volumes[0].name: 'Cache'")));
    }

    @Test
    void cronJobPodTemplatesAndNetworkPolicySelectorsAreChecked() {
        ObjectNode cronJob = object("batch/v1", "CronJob", "scan", "ns", """
                {"jobTemplate": {"spec": {"template": {"metadata": {"annotations": {"bad key": "x"}},
                  "spec": {"containers": [{"name": "scan_1"}]}}}}}""");
        List<String> problems = problems(cronJob);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("spec.jobTemplate.spec.template.metadata.annotations: 'bad key'"));
        assertTrue(problems.get(1).contains("spec.jobTemplate.spec.template.spec.containers[0].name: 'scan_1'"));
        ObjectNode policy = object("networking.k8s.io/v1", "NetworkPolicy", "api", "ns", """
                {"ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "a b"}}}]}]}""");
        assertTrue(problems(policy).get(0).contains("spec.ingress[0].from[0].namespaceSelector.matchLabels[kubernetes.io/metadata.name]"));
        // A Kyverno pattern is not a label selector: its wildcards are not label values.
        ObjectNode kyverno = object("kyverno.io/v1", "ClusterPolicy", "p", null, """
                {"rules": [{"match": {"any": [{"resources": {"selector": {"matchLabels": {"app": "?*"}}}}]}}]}""");
        assertEquals(List.of(), problems(kyverno));
    }

    @Test
    void statefulSetNamesLeaveRoomForTheirPodsLabelsAndClaimTemplatesAreChecked() {
        assertTrue(problems(object("apps/v1", "StatefulSet", "s".repeat(53), "ns", "{}")).get(0)
                .contains("over the 52 of a StatefulSet name"));
        assertEquals(List.of(), problems(object("apps/v1", "StatefulSet", "s".repeat(52), "ns", "{}")));
        ObjectNode statefulSet = object("apps/v1", "StatefulSet", "db", "ns", """
                {"volumeClaimTemplates": [{"metadata": {"name": "Data_1", "labels": {"app": "%s"}}}]}"""
                .formatted("v".repeat(64)));
        List<String> problems = problems(statefulSet);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("spec.volumeClaimTemplates[0].metadata.name: 'Data_1'"), problems.get(0));
        assertTrue(problems.get(1).contains("spec.volumeClaimTemplates[0].metadata.labels[app]"), problems.get(1));
    }

    @Test
    void annotationsAreMeasuredInBytesAcrossKeysAndValues() {
        ObjectNode map = object("v1", "ConfigMap", "c", "ns", "{}");
        ObjectNode annotations = ((ObjectNode) map.path("metadata")).putObject("annotations");
        annotations.put("example.com/a", "é".repeat(65_536));   // two bytes each in UTF-8: 131 072 bytes
        annotations.put("example.com/b", "x".repeat(131_072 - 26));
        assertEquals(List.of(), problems(map));
        annotations.put("c", "x");
        assertTrue(problems(map).get(0).contains("the annotations hold 262146 bytes"), problems(map)::toString);
    }

    private static List<String> problems(JsonNode object) {
        return ObjectLimits.check("x.yaml", object, 10, Renderer.MAX_OBJECT_BYTES);
    }

    private static ObjectNode object(String apiVersion, String kind, String name, String namespace, String spec) {
        ObjectNode object = Yaml.toTree(java.util.Map.of());
        object.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        object.set("spec", Yaml.read(spec.getBytes(StandardCharsets.UTF_8)));
        return object;
    }
}
