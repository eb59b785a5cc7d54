package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.environmentNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentRulesTest {

    private static final List<Environment> PROD_AND_STAGING = List.of(environmentNamed("prod"), environmentNamed("staging"));

    @Test
    void acceptsEnvironmentsWithNamedClustersAndAPinnedPodSecurityVersion() {
        Platform platform = platform(List.of(environment("prod").cluster(cluster("eu-1", "https://eu-1.example.com")
                .label("region", "eu")).cluster(cluster("us-1", "https://us-1.example.com")).podSecurityVersion("v1.33")
                .build()));
        assertEquals(List.of(), violations(p -> new EnvironmentRules(platform, p).environments()));
    }

    @Test
    void refusesAPlatformWithoutEnvironments() {
        assertEquals(List.of("environments"), paths(p -> new EnvironmentRules(platform(List.of()), p).environments()));
    }

    @Test
    void reportsEnvironmentsAndTheirClustersInDeclarationOrder() {
        Platform platform = platform(List.of(
                environment("prod").cluster(cluster("Eu", "http://eu.example.com").label("tier!", "x"))
                        .cluster(cluster("Eu", "https://eu.example.com")).podSecurityVersion("1.33").build(),
                environment("prod").build()));
        assertEquals(List.of("environments[prod].clusters[Eu].name", "environments[prod].clusters[Eu].server",
                "environments[prod].clusters[Eu].labels[tier!]", "environments[prod].clusters[Eu].name",
                "environments[prod].clusters[Eu]", "environments[prod].podSecurityVersion", "environments[prod]",
                "environments[prod].clusters"), paths(p -> new EnvironmentRules(platform, p).environments()));
    }

    @Test
    void refusesOnlyInForEnvironmentsThePlatformLacksListingItsOwn() {
        App app = app(a -> a.onlyIn("prod", "qa"));
        assertEquals(List.of("apps[api].onlyIn[qa]: 'qa': unknown environment (fix: use one of [prod, staging])"),
                violations(p -> new EnvironmentRules(platform(PROD_AND_STAGING, app), p).app(app, API)));
    }

    @Test
    void checksEachOverrideAtItsEnvironmentsPath() {
        App app = app(a -> a.onlyIn("prod")
                .in("staging", o -> o.replicas(2))
                .in("qa", o -> o.replicas(1))
                .in("prod", o -> o.replicas(-1).imageTag("latest").clusters("us-1")
                        .resources(requests("1", "64Mi"), limits("500m", "64Mi")))
                .in("prod", o -> o.replicas(3)));
        assertEquals(List.of("apps[api].in[staging]", "apps[api].in[qa]", "apps[api].in[prod].replicas",
                "apps[api].in[prod].resources.limits.cpu", "apps[api].in[prod].imageTag", "apps[api].in[prod].clusters[us-1]",
                "apps[api].in[prod]"), paths(p -> new EnvironmentRules(platform(PROD_AND_STAGING, app), p).app(app, API)));
    }

    @Test
    void refusesANamespacePatternThatMakesNoNamespaceOnlyWhereTheAppRuns() {
        App app = app(a -> a.namespace("{team}_{environment}").onlyIn("staging"));
        assertEquals(List.of("apps[api].namespace: 'payments_staging': the namespace in staging must be a DNS-1123 label: "
                        + "lowercase letters, digits and '-', starting and ending with a letter or digit (fix: change the "
                        + "namespace pattern ('{team}_{environment}'))"),
                violations(p -> new EnvironmentRules(platform(PROD_AND_STAGING, app), p).app(app, API)));
    }
}
