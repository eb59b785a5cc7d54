package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.secrets.testing.CrdSchemas;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rendered Argo CD objects conform to the upstream CRDs in /work/shared/crds/argo-cd, with unknown fields
 * treated as errors (the shared CRD helper of the secrets module's test jar, as /work/shared/crds/README.md says).
 */
class CrdConformanceTest {

    private static final Map<String, String> CRDS = Map.of("ApplicationSet", "argoproj.io_applicationsets.yaml",
            "AppProject", "argoproj.io_appprojects.yaml", "Application", "argoproj.io_applications.yaml");
    private static Path crds;

    @BeforeAll
    static void findCrds() {
        crds = CrdSchemas.directory().map(d -> d.resolve("argo-cd")).filter(java.nio.file.Files::isDirectory).orElse(null);
    }

    private static void requireCrds() {
        assumeTrue(crds != null, "Skipped: the upstream Argo CD CRDs are not in this checkout "
                + "(expected /work/shared/crds/argo-cd, or set -Dgoldenpath.crds=<the crds folder>)");
    }

    private static List<String> violations(JsonNode object) {
        return CrdSchemas.violations(crds.resolve(CRDS.get(object.path("kind").asText())), object);
    }

    @Test
    void everyRenderedApplicationSetAndAppProjectConformsToItsCrd() {
        requireCrds();
        RenderedTree tree = ArgoTrees.render(ArgoTrees.spec().build());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String path : tree.paths()) {
            if (path.startsWith("argocd/") && !path.endsWith("/kustomization.yaml")) {
                violations(Yaml.read(tree.bytes(path).orElseThrow())).forEach(v -> problems.add(path + ": " + v));
                checked++;
            }
        }
        assertEquals(12, checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void aTeamWithANamespacePerAppConformsToo() {
        requireCrds();
        // More namespaces than a project lists one by one: a derived namespace and alternations of namespaces.
        dev.goldenpath.dsl.Platform.Builder spec = ArgoTrees.spec();
        for (int a = 0; a < Destinations.LISTED + 4; a++) {
            spec.app(dev.goldenpath.dsl.GoldenPath.app("svc" + a).team("web").namespace("{app}-{environment}")
                    .image("registry.acme.example/web/svc:1.0.0").port(8080)
                    .readiness(dev.goldenpath.dsl.GoldenPath.httpGet("/ready")));
        }
        RenderedTree tree = ArgoTrees.render(spec.build());
        List<String> problems = new ArrayList<>();
        for (String path : tree.paths()) {
            if (path.startsWith("argocd/") && !path.endsWith("/kustomization.yaml")) {
                violations(Yaml.read(tree.bytes(path).orElseThrow())).forEach(v -> problems.add(path + ": " + v));
            }
        }
        assertEquals(List.of(), problems);
        String project = new String(tree.bytes("argocd/staging/appproject-web-staging.yaml").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(project.contains("namespace: \"{staging,svc0-staging,svc1-staging,svc10-staging,"), project);
        String set = new String(tree.bytes("argocd/staging/applicationset-web-staging.yaml").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(set.contains("namespace: \"{{.path.basename}}-staging\""), set);
    }

    @Test
    void theTemplateIsAValidApplication() {
        requireCrds();
        RenderedTree tree = ArgoTrees.render(ArgoTrees.spec().build());
        JsonNode set = Yaml.read(tree.bytes("argocd/production/applicationset-web-production.yaml").orElseThrow());
        ObjectNode application = Yaml.toTree(Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "Application"));
        application.set("metadata", set.path("spec").path("template").path("metadata"));
        application.set("spec", set.path("spec").path("template").path("spec"));
        assertEquals(List.of(), violations(application));
    }

    @Test
    void anUnknownFieldIsCaught() {
        requireCrds();
        RenderedTree tree = ArgoTrees.render(ArgoTrees.spec().build());
        ObjectNode project = (ObjectNode) Yaml.read(tree.bytes("argocd/staging/appproject-web-staging.yaml").orElseThrow());
        ((ObjectNode) project.path("spec")).put("sourceRepo", "typo");
        List<String> violations = violations(project);
        assertFalse(violations.isEmpty());
        assertTrue(violations.get(0).contains("sourceRepo"), violations.toString());
    }
}
