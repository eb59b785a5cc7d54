package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.appNamed;
import static dev.goldenpath.dsl.RuleFixtures.environmentNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {

    private static final App DB = appNamed("db").port(5432).build();

    private static List<String> pathsOf(App app) {
        return paths(p -> new NetworkRules(platform(app, DB), p).app(app, API));
    }

    @Test
    void acceptsDeclaredEdgesBetweenDeclaredPorts() {
        App app = app(a -> a.calls("db", 5432).calledByIngressController(8080).calledByNamespace("monitoring", 8080)
                .callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443)));
        assertEquals(List.of(), violations(p -> new NetworkRules(platform(app, DB), p).app(app, API)));
    }

    @Test
    void namesEachEdgeByItsPeer() {
        App app = app(a -> a.calledBy("ghost", allPorts()).calledByNamespace("Monitoring", allPorts()).calledByIngressController(9090)
                .calls("db", 5433, 5432, 5432).calls("nowhere", allPorts()));
        assertEquals(List.of("apps[api].calledBy[ghost]", "apps[api].calledByNamespace[Monitoring]",
                "apps[api].calledByIngressController.ports", "apps[api].calls[db].ports", "apps[api].calls[db].ports",
                "apps[api].calls[nowhere]"), pathsOf(app));
    }

    @Test
    void refusesExternalBlocksTheApiServerWouldRefuse() {
        App app = app(a -> a.callsExternal(cidr("10.0.0.1/24").allPorts())
                .callsExternal(cidr("10.0.0.0/8").except("10.0.0.0/8", "192.168.0.0/16").ports(0, 443, 443)));
        assertEquals(List.of("apps[api].callsExternal[10.0.0.1/24]", "apps[api].callsExternal[10.0.0.0/8].except",
                "apps[api].callsExternal[10.0.0.0/8].except", "apps[api].callsExternal[10.0.0.0/8].ports",
                "apps[api].callsExternal[10.0.0.0/8].ports"), pathsOf(app));
    }

    @Test
    void egressAnywhereNeedsTheWeakeningAndTheWeakeningNeedsIt() {
        assertEquals(List.of("apps[api].callsExternal[0.0.0.0/0]"), pathsOf(app(a -> a.callsExternal(cidr("0.0.0.0/0").allPorts()))));
        assertEquals(List.of(), pathsOf(app(a -> a.callsExternal(cidr("::/0").allPorts())
                .weaken(Weakening.EGRESS_TO_ANYWHERE, "a crawler that fetches any public site"))));
        assertEquals(List.of("apps[api].weakenings[EGRESS_TO_ANYWHERE]"), pathsOf(app(a -> a
                .callsExternal(cidr("0.0.0.0/0").ports(443))
                .weaken(Weakening.EGRESS_TO_ANYWHERE, "a crawler that fetches any public site"))));
    }

    @Test
    void refusesCallsToAnAppMissingFromAnEnvironmentTheCallerRunsIn() {
        App db = appNamed("db").port(5432).onlyIn("prod").build();
        App app = app(a -> a.calls("db", 5432));
        Platform platform = platform(List.of(environmentNamed("prod"), environmentNamed("staging")), app, db);
        assertEquals(List.of("apps[api].calls[db]: 'db': db is not deployed in staging, where this app runs (fix: deploy "
                        + "it there too, or limit this app with onlyIn(...))"),
                violations(p -> new NetworkRules(platform, p).app(app, API)));
    }

    @Test
    void checksWhereEachEnvironmentsApiServerIs() {
        Platform platform = platform(List.of(environment("prod").cluster("https://kubernetes.default.svc")
                .apiServer(0, "10.0.0.1/32", "10.0.0.1/32", "0.0.0.0/0", "10.0.0.1").build()));
        assertEquals(List.of("environments[prod].apiServer.port", "environments[prod].apiServer.cidrs",
                "environments[prod].apiServer.cidrs", "environments[prod].apiServer.cidrs"),
                paths(p -> new NetworkRules(platform, p).environments()));
    }
}
