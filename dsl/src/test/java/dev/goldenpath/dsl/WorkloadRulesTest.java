package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.maxUnavailable;
import static dev.goldenpath.dsl.GoldenPath.minAvailable;
import static dev.goldenpath.dsl.GoldenPath.recreate;
import static dev.goldenpath.dsl.GoldenPath.rollingUpdate;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadRulesTest {

    private static List<String> pathsOf(App app) {
        return paths(p -> new WorkloadRules(platform(app), p).app(app, API));
    }

    @Test
    void acceptsTheDefaults() {
        App app = app(a -> a);
        assertEquals(List.of(), violations(p -> new WorkloadRules(platform(app), p).app(app, API)));
    }

    @Test
    void refusesNegativeReplicasWhereverTheyAreSet() {
        assertEquals(List.of("apps[api].in[prod].replicas: '-1': replicas must be 0 or more (fix: use 0 to stop the app)"),
                violations(p -> new WorkloadRules(platform(), p).replicas(API.field("in").key("prod").field("replicas"), -1)));
        assertEquals(List.of(), violations(p -> new WorkloadRules(platform(), p).replicas(API.field("replicas"), 0)));
    }

    @Test
    void refusesRootWithoutTheWeakeningAndTheWeakeningWithoutRoot() {
        assertEquals(List.of("apps[api].runAsUser", "apps[api].fsGroup"), pathsOf(app(a -> a.runAsUser(0).fsGroup(0))));
        assertEquals(List.of(), pathsOf(app(a -> a.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0"))));
        assertEquals(List.of("apps[api].weakenings[RUN_AS_ROOT]"),
                pathsOf(app(a -> a.weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0"))));
    }

    @Test
    void refusesARolloutThatCouldNeverProgress() {
        assertEquals(List.of("apps[api].rollout"), pathsOf(app(a -> a.rollout(rollingUpdate("0", "0%")))));
        assertEquals(List.of("apps[api].rollout.maxSurge", "apps[api].rollout.maxUnavailable",
                "apps[api].rollout.minReadySeconds"), pathsOf(app(a -> a.rollout(new Rollout(false, "x", "101%", -1)))));
        assertEquals(List.of(), pathsOf(app(a -> a.rollout(recreate()))));
    }

    @Test
    void refusesABudgetThatBlocksNodeDrainsAtTheFewestPods() {
        assertEquals(List.of("apps[api].disruptionBudget: 'maxUnavailable 0': a budget that allows no disruption blocks "
                        + "node drains forever (fix: allow at least 1 unavailable pod)"),
                violations(p -> new WorkloadRules(platform(), p).app(app(a -> a.disruptionBudget(maxUnavailable("0"))), API)));
        App app = app(a -> a.replicas(3).disruptionBudget(minAvailable("3")));
        assertEquals(List.of("apps[api].disruptionBudget: 'minAvailable 3': with 3 pods in prod, the budget never allows "
                        + "an eviction and blocks node drains forever (fix: keep fewer pods available, e.g. "
                        + "minAvailable(\"2\") or maxUnavailable(\"1\"))"),
                violations(p -> new WorkloadRules(platform(app), p).app(app, API)));
        assertEquals(List.of(), pathsOf(app(a -> a.replicas(3).disruptionBudget(minAvailable("66%")))));
    }

    @Test
    void refusesAnAutoscalerThatCannotScale() {
        assertEquals(List.of("apps[api].autoscaling.minReplicas", "apps[api].autoscaling.maxReplicas",
                "apps[api].autoscaling.cpuUtilizationPercent"), pathsOf(app(a -> a.autoscale(0, -1, 0))));
    }
}
