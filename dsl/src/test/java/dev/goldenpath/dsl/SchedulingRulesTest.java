package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.toleration;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulingRulesTest {

    private static List<String> pathsOf(App app) {
        return paths(p -> new SchedulingRules(platform(app), p).app(app, API));
    }

    @Test
    void acceptsARuntimeClassNodeSelectorAndTolerations() {
        App app = app(a -> a.runtimeClass("gvisor").nodeSelector("example.com/pool", "sandboxed")
                .toleration(toleration("dedicated", "sandbox", Toleration.Effect.NO_SCHEDULE))
                .toleration(tolerationExists("example.com/gpu", Toleration.Effect.NO_EXECUTE)));
        assertEquals(List.of(), violations(p -> new SchedulingRules(platform(app), p).app(app, API)));
    }

    @Test
    void refusesARuntimeClassThatIsNoDnsSubdomain() {
        assertEquals(List.of("apps[api].runtimeClassName"), pathsOf(app(a -> a.runtimeClass("G Visor"))));
        assertEquals(List.of("apps[api].runtimeClassName"), pathsOf(app(a -> a.runtimeClass("a".repeat(254)))));
    }

    @Test
    void checksTheNodeSelectorAsLabels() {
        assertEquals(List.of("apps[api].nodeSelector[pool!]", "apps[api].nodeSelector[tier]"),
                pathsOf(app(a -> a.nodeSelector("pool!", "a").nodeSelector("tier", "-edge-"))));
    }

    @Test
    void namesTolerationsByTheirPositionBecauseTheyHaveNoName() {
        App app = app(a -> a.toleration(toleration("dedicated", "ok", Toleration.Effect.NO_SCHEDULE))
                .toleration(toleration("bad key!", "bad value!", Toleration.Effect.NO_SCHEDULE))
                .toleration(toleration("", "v", Toleration.Effect.NO_SCHEDULE))
                .toleration(new Toleration("dedicated", Optional.of("v"), Toleration.Operator.EXISTS, Optional.empty())));
        assertEquals(List.of("apps[api].tolerations[1].key", "apps[api].tolerations[1].value",
                "apps[api].tolerations[2].key", "apps[api].tolerations[3].value"), pathsOf(app));
    }
}
