package dev.goldenpath.generators.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.conformance.CrdConformance;
import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route objects are what the API server and kustomize accept: HTTPRoutes and Certificates validate strictly
 * against their upstream CRDs (pruning, patterns, bounds, CEL rules), and every app folder builds with
 * {@code kubectl kustomize}.
 */
class ExposureConformanceTest {

    private static final RenderedTree TREE = Renderer.secureByDefault().render(ExposurePlatforms.acme()).tree();

    @Test
    void httpRoutesAndCertificatesValidateStrictlyAgainstTheirUpstreamCrds() {
        Optional<CrdConformance> crds = CrdConformance.load();
        assumeTrue(crds.isPresent(), "Skipped: the upstream CRDs are not in this checkout (expected ../shared/crds or "
                + "/work/shared/crds, or set -Dgoldenpath.crds=<the crds folder>): HTTPRoute and Certificate not checked");
        CrdConformance.Result result = crds.get().check(TREE);
        assertEquals(List.of(), result.violations());
        assertEquals(Set.of(), result.celNotChecked(), "CEL rules reached that CelRules does not evaluate: add them");
        assertEquals(3, result.checked().get("HTTPRoute"));
        assertEquals(4, result.checked().get("Certificate"));
    }

    @Test
    void theCheckRefusesARouteTheApiServerWouldRefuse() {
        Optional<CrdConformance> crds = CrdConformance.load();
        assumeTrue(crds.isPresent(), "Skipped: the upstream CRDs are not in this checkout: HTTPRoute not checked");
        String path = "apps/production/frontend/httproute-frontend-www.acme.example.yaml";
        com.fasterxml.jackson.databind.node.ObjectNode route = (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.goldenpath.generators.yaml.Yaml.read(TREE.bytes(path).orElseThrow());
        com.fasterxml.jackson.databind.node.ObjectNode rule = (com.fasterxml.jackson.databind.node.ObjectNode) route.at("/spec/rules/0");
        ((com.fasterxml.jackson.databind.node.ObjectNode) rule.at("/matches/0/path")).put("value", "/a//b");
        ((com.fasterxml.jackson.databind.node.ObjectNode) rule.at("/backendRefs/0")).remove("port");
        List<String> violations = crds.get().check(List.of(path), List.of(route)).violations();
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.stream().allMatch(v -> v.contains("CEL rule fails")), violations::toString);
    }

    @Test
    void everyExposedAppFolderBuildsWithKubectlKustomize(@TempDir Path directory) throws IOException, InterruptedException {
        Optional<Path> kubectl = kubectl();
        assumeTrue(kubectl.isPresent(), "Skipped: kubectl is not on the PATH: the kustomizations are not built");
        TREE.writeTo(directory);
        for (String folder : List.of("apps/production/frontend", "apps/staging/frontend", "apps/dev/orders")) {
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.resolve(folder).toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), folder);
            assertEquals(0, process.exitValue(), folder + ": " + output);
            assertTrue(output.contains(folder.startsWith("apps/production") ? "kind: HTTPRoute" : "kind: Ingress"), output);
        }
    }

    private static Optional<Path> kubectl() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
