package dev.goldenpath.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.conformance.CrdConformance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every custom resource of the sample platform satisfies its upstream CRD in full (generators' CrdConformance). */
class SampleConformanceTest {

    @Test
    void everyCustomResourceOfTheSampleConformsToItsCrd() {
        Optional<CrdConformance> crds = CrdConformance.load();
        assumeTrue(crds.isPresent(), "Skipped: the upstream CRDs are not in this checkout (expected ../shared/crds, or set "
                + "-Dgoldenpath.crds=<the crds folder>): custom resources not checked");
        CrdConformance.Result result = crds.get().check(Renderer.secureByDefault().render(AcmePlatform.build()).tree());
        assertEquals(List.of(), result.violations());
        assertEquals(Set.of(), result.celNotChecked());
        // Both environments: Argo CD, the mesh, secrets of both kinds, frontend's route and the whole baseline.
        assertEquals(Map.ofEntries(Map.entry("AppProject", 6), Map.entry("ApplicationSet", 6),
                Map.entry("AuthorizationPolicy", 14), Map.entry("HTTPRoute", 2), Map.entry("ClusterImagePolicy", 2), Map.entry("ClusterPolicy", 4),
                Map.entry("ConstraintTemplate", 2), Map.entry("ExternalSecret", 2), Map.entry("K8sRequiredLabels", 2),
                Map.entry("PeerAuthentication", 6), Map.entry("SealedSecret", 4), Map.entry("SecretStore", 2)),
                result.checked());
    }
}
