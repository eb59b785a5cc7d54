package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The renderer lints every object of a platform: about 80 000 for 10 000 apps. The rules index what they need once
 * (NetworkPolicies by namespace, bindings by service account), so the cost grows linearly with the input.
 */
class ScaleTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final int APPS = 10_000;
    private static final int APPS_PER_NAMESPACE = 20;

    @Test
    void lintsTenThousandAppsInSeconds() throws IOException {
        List<Manifest> manifests = platform(APPS);
        assertEquals(APPS * 8 + (APPS / APPS_PER_NAMESPACE) * 2, manifests.size());

        Linter.defaults().lintObjects(platform(500)); // warm up the JIT
        long start = System.nanoTime();
        LintReport report = Linter.defaults().lintObjects(manifests);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("lint: %d objects in %d ms (%.1f µs/object)%n", manifests.size(), millis,
                millis * 1000.0 / manifests.size());
        assertFalse(report.hasFailures(), () -> report.failing().subList(0, 5).toString());
        assertEquals(APPS, report.weakened().size(), "one declared weakening per app");
        assertTrue(millis < 60_000, "80 000 objects took " + millis + " ms");
    }

    @Test
    void lintsARenderedTreeOfTheSameShape() throws IOException {
        int apps = 2_000;
        RenderedTree.Builder tree = RenderedTree.builder();
        for (Manifest manifest : platform(apps)) {
            tree.add(manifest.file().replace(".yaml", "-" + manifest.object().path("kind").asText().toLowerCase()
                    + "-" + manifest.object().path("metadata").path("name").asText() + ".yaml"),
                    YAML.writeValueAsString(manifest.object()));
        }
        RenderedTree rendered = tree.build();

        long start = System.nanoTime();
        LintReport report = Linter.defaults().lint(rendered);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("lint: %d YAML files (%d bytes) in %d ms%n", rendered.size(), rendered.totalBytes(), millis);
        assertEquals(rendered.size(), report.objectCount());
        assertFalse(report.hasFailures());
        assertEquals(apps, report.weakened().size());
        assertTrue(report.weakened().get(0).line() > 1, "weakened findings point at their field's line");
    }

    /** A platform of compliant apps, 20 per namespace; every app declares one exception. */
    static List<Manifest> platform(int apps) throws IOException {
        JsonNode deployment = YAML.readTree(RuleFixturesTest.resource("read-only-root-filesystem", "passing.yaml")
                .split("\n---\n")[3]);
        List<Manifest> manifests = new ArrayList<>();
        for (int ns = 0; ns < apps / APPS_PER_NAMESPACE; ns++) {
            String namespace = "team-" + ns;
            String folder = "apps/prod/" + namespace + "/";
            manifests.add(manifest(folder + "namespace.yaml", """
                    {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"%s",
                     "labels":{"pod-security.kubernetes.io/enforce":"restricted"}}}""".formatted(namespace)));
            manifests.add(manifest(folder + "default-deny.yaml", """
                    {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",
                     "metadata":{"name":"default-deny","namespace":"%s"},
                     "spec":{"podSelector":{},"policyTypes":["Ingress","Egress"]}}""".formatted(namespace)));
            for (int a = 0; a < APPS_PER_NAMESPACE; a++) {
                String app = "app-" + a;
                String at = folder + app + "/";
                ObjectNode workload = deployment.deepCopy();
                ObjectNode metadata = (ObjectNode) workload.get("metadata");
                metadata.put("name", app).put("namespace", namespace);
                metadata.putObject("annotations").put("weakening.goldenpath.dev/read-only-root-filesystem",
                        "writes a cache to its root file system; SEC-" + a);
                ((ObjectNode) workload.at("/spec/template/spec/containers/0/securityContext"))
                        .put("readOnlyRootFilesystem", false);
                manifests.add(new Manifest(at + "deployment.yaml", 0, 1, workload));
                manifests.add(manifest(at + "service.yaml", """
                        {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"%s"},
                         "spec":{"selector":{"app":"%s"},"ports":[{"port":8080}]}}""".formatted(app, namespace, app)));
                manifests.add(manifest(at + "network-policy.yaml", """
                        {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",
                         "metadata":{"name":"%s","namespace":"%s"},
                         "spec":{"podSelector":{"matchLabels":{"app":"%s"}},"policyTypes":["Ingress","Egress"],
                          "ingress":[{"from":[{"podSelector":{"matchLabels":{"app":"gateway"}}}]}]}}"""
                        .formatted(app, namespace, app)));
                manifests.add(manifest(at + "service-account.yaml", """
                        {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"%s","namespace":"%s"},
                         "automountServiceAccountToken":false}""".formatted(app, namespace)));
                manifests.add(manifest(at + "role.yaml", """
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role",
                         "metadata":{"name":"%s","namespace":"%s"},
                         "rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list"]}]}"""
                        .formatted(app, namespace)));
                manifests.add(manifest(at + "role-binding.yaml", """
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
                         "metadata":{"name":"%s","namespace":"%s"},
                         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"%s"},
                         "subjects":[{"kind":"ServiceAccount","name":"%s","namespace":"%s"}]}"""
                        .formatted(app, namespace, app, app, namespace)));
                manifests.add(manifest(at + "pdb.yaml", """
                        {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"%s","namespace":"%s"},
                         "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"%s"}}}}"""
                        .formatted(app, namespace, app)));
                manifests.add(manifest(at + "config.yaml", """
                        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s"},
                         "data":{"LOG_LEVEL":"info"}}""".formatted(app, namespace)));
            }
        }
        return manifests;
    }

    private static Manifest manifest(String file, String json) throws IOException {
        return new Manifest(file, 0, 1, YAML.readTree(json));
    }
}
