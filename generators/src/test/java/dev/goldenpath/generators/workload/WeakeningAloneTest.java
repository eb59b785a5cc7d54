package dev.goldenpath.generators.workload;

import static dev.goldenpath.dsl.GoldenPath.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Weakening;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import org.junit.jupiter.api.Test;

/**
 * A weakening allows a riskier setting; it never makes one by itself. (The DSL refuses an unused RUN_AS_ROOT, but the
 * generators must not depend on that: an App can be built without validation.)
 */
class WeakeningAloneTest {

    private static final String REASON = "vendor image needs uid 0; SEC-42 approved by security";

    @Test
    void declaringRunAsRootAloneKeepsTheAppOffRoot() {
        App app = app("api").image("registry.example.com/api:1.0").weaken(Weakening.RUN_AS_ROOT, REASON).build();
        PodSecurityContext pod = SecureDefaults.pod(app);
        assertEquals(App.DEFAULT_USER, pod.getRunAsUser());
        assertTrue(pod.getRunAsNonRoot());
        assertTrue(SecureDefaults.container(app).getRunAsNonRoot());
    }

    @Test
    void runAsUserZeroWithTheWeakeningRunsAsRoot() {
        App app = app("api").image("registry.example.com/api:1.0").runAsUser(0).weaken(Weakening.RUN_AS_ROOT, REASON).build();
        assertEquals(0L, SecureDefaults.pod(app).getRunAsUser());
        assertFalse(SecureDefaults.pod(app).getRunAsNonRoot());
        assertFalse(SecureDefaults.container(app).getRunAsNonRoot());
    }
}
