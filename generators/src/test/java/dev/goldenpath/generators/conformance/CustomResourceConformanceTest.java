package dev.goldenpath.generators.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every custom resource the renderer writes satisfies its upstream CRD in full ({@link StructuralSchema}: pruning,
 * lengths, patterns, enums, bounds, list types, formats, CEL rules), on platforms of many shapes and sizes.
 */
class CustomResourceConformanceTest {

    /** Platforms per run: each seed is a different shape; the seeds are fixed so a failure can be replayed. */
    private static final int SHAPES = 40;

    private static CrdConformance crds() {
        Optional<CrdConformance> crds = CrdConformance.load();
        assumeTrue(crds.isPresent(), "Skipped: the upstream CRDs are not in this checkout (expected ../shared/crds or "
                + "/work/shared/crds, or set -Dgoldenpath.crds=<the crds folder>): custom resources not checked");
        return crds.get();
    }

    static CrdConformance.Result check(CrdConformance crds, Rendering rendering) {
        return crds.check(rendering.tree());
    }

    @Test
    void everyCustomResourceOfManyPlatformShapesConformsToItsCrd() {
        CrdConformance crds = crds();
        List<String> problems = new ArrayList<>();
        SortedMap<String, Integer> checked = new TreeMap<>();
        Set<String> unchecked = new TreeSet<>();
        for (long seed = 1; seed <= SHAPES; seed++) {
            Platform platform = PlatformShapes.of(seed);
            CrdConformance.Result result = check(crds, Renderer.secureByDefault().render(platform));
            long shape = seed;
            result.violations().forEach(v -> problems.add("seed " + shape + ": " + v));
            result.checked().forEach((kind, count) -> checked.merge(kind, count, Integer::sum));
            unchecked.addAll(result.celNotChecked());
        }
        assertEquals(List.of(), problems.stream().limit(40).toList(), problems.size() + " problems");
        assertEquals(Set.of(), unchecked, "CEL rules reached that CelRules does not evaluate: add them");
        // Every kind of custom resource the renderer writes was seen.
        assertEquals(Set.of("AppProject", "ApplicationSet", "AuthorizationPolicy", "ClusterImagePolicy", "ClusterPolicy",
                "ConstraintTemplate", "ExternalSecret", "K8sRequiredLabels", "PeerAuthentication", "SealedSecret",
                "SecretStore"), checked.keySet());
    }

    @Test
    void aTeamOfManyAppsWithLongNamesGetsAProjectDescriptionWithinTheCrdsLimit() {
        CrdConformance crds = crds();
        // The first seed that gives a team of at least ten apps.
        for (long seed = 1; seed <= SHAPES; seed++) {
            Platform platform = PlatformShapes.of(seed);
            if (platform.apps().stream().collect(java.util.stream.Collectors.groupingBy(dev.goldenpath.dsl.App::team,
                    java.util.stream.Collectors.counting())).values().stream().anyMatch(n -> n >= 10)) {
                Rendering rendering = Renderer.secureByDefault().render(platform);
                assertEquals(List.of(), check(crds, rendering).violations());
                String project = rendering.tree().paths().stream().filter(p -> p.contains("/appproject-")).map(p ->
                        rendering.tree().text(p).orElseThrow()).filter(t -> t.contains(" more (rendered by goldenpath)")
                        || t.contains(" apps (rendered by goldenpath)")).findFirst().orElse("");
                assertTrue(!project.isEmpty(), "a project that lists only part of its apps, seed " + seed);
                return;
            }
        }
        throw new AssertionError("no shape has a team of ten apps");
    }
}
