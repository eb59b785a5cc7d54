package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceRulesTest {

    private static final FieldPath RESOURCES = API.field("resources");

    private static Resources resources(Requests requests, Limits limits) {
        return new Resources(requests, limits);
    }

    @Test
    void acceptsTheDefaultsAndLimitsEqualToRequests() {
        assertEquals(List.of(), violations(p -> new ResourceRules(p).resources(RESOURCES, Resources.DEFAULT)));
        assertEquals(List.of(), violations(p -> new ResourceRules(p).resources(RESOURCES,
                resources(requests("1", "1Gi"), limits("1000m", "1024Mi")))));
    }

    @Test
    void parsesQuantitiesAndReportsThoseThatAreNone() {
        Problems problems = new Problems();
        ResourceRules rules = new ResourceRules(problems);
        assertEquals(Optional.of(new BigDecimal("0.25")), rules.quantity(RESOURCES, "250m", "250m").map(BigDecimal::stripTrailingZeros));
        assertEquals(Optional.empty(), rules.quantity(RESOURCES.field("limits").field("cpu"), "half", "500m"));
        assertEquals(List.of("apps[api].resources.limits.cpu: 'half': not a Kubernetes quantity (fix: use a number with "
                + "an optional suffix, e.g. 500m)"), problems.list().stream().map(Violation::toString).toList());
    }

    @Test
    void refusesLimitsBelowTheirRequests() {
        assertEquals(List.of(
                "apps[api].resources.limits.cpu: '500m': the limit must be at least the request (1) (fix: raise the limit "
                        + "or lower the request)",
                "apps[api].resources.limits.memory: '128Mi': the limit must be at least the request (1Gi) (fix: raise the "
                        + "limit or lower the request)"),
                violations(p -> new ResourceRules(p).resources(RESOURCES, resources(requests("1", "1Gi"),
                        limits("500m", "128Mi")))));
    }

    @Test
    void refusesAZeroMemoryRequestAndZeroLimits() {
        List<String> found = violations(p -> new ResourceRules(p).resources(RESOURCES, resources(requests("0", "0"),
                limits("0", "128Mi"))));
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("apps[api].resources.requests.memory: '0': a memory request must be above 0"));
        assertTrue(found.get(1).startsWith("apps[api].resources.limits: '"));
    }

    @Test
    void reportsAmountsThatCannotBeMeantAtTheirOwnPath() {
        List<String> found = violations(p -> new ResourceRules(p).resources(API.field("in").key("prod").field("resources"),
                resources(requests("100m", "64"), limits("2000", "128Mi"))));
        assertEquals(List.of("apps[api].in[prod].resources.limits.cpu: '2000': more than 1024 cores: no node has that "
                        + "many (fix: use e.g. 500m or 2)",
                "apps[api].in[prod].resources.requests.memory: '64': less than 4Mi: no container starts with that little "
                        + "memory (a plain number is bytes) (fix: add the unit, e.g. 64Mi)"), found);
    }
}
