package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NetworkAndRbacValidationTest {

    private static Platform.Builder platformWith(UnaryOperator<App.Builder> api) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .environment(environment("dev").cluster("https://dev.example.com").apiServer(6443, "10.1.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .app(api.apply(app("api").team("payments").image("r.example.com/api:1").port(8080)))
                .app(app("db").team("payments").image("r.example.com/db:1").port("postgres", 5432));
    }

    private static Violation only(Platform.Builder spec, String path, ViolationCode code) {
        List<Violation> violations = assertThrows(SpecException.class, spec::build).violations();
        assertEquals(1, violations.size(), violations::toString);
        assertEquals(path, violations.get(0).path());
        assertEquals(code, violations.get(0).code(), violations.get(0)::toString);
        return violations.get(0);
    }

    @Test
    void acceptsDeclaredEdgesFromEitherEnd() {
        platformWith(a -> a.calls("db", 5432).calledByIngressController(8080).calledByNamespace("monitoring", allPorts())
                .callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443))).build();
    }

    @Test
    void rejectsEdgesToUnknownApps() {
        only(platformWith(a -> a.calls("cache", 6379)), "apps[api].calls[cache]", ViolationCode.APP_UNKNOWN);
        only(platformWith(a -> a.calledBy("gateway", allPorts())), "apps[api].calledBy[gateway]", ViolationCode.APP_UNKNOWN);
    }

    @Test
    void rejectsPortsTheCalleeDoesNotExpose() {
        Violation v = only(platformWith(a -> a.calls("db", 5433)), "apps[api].calls[db].ports", ViolationCode.PORT_NOT_EXPOSED);
        assertEquals("5433", v.value());
        assertTrue(v.hint().contains("5432"));
        only(platformWith(a -> a.calledBy("db", 9090)), "apps[api].calledBy[db].ports", ViolationCode.PORT_NOT_EXPOSED);
        only(platformWith(a -> a.calledByIngressController(443)), "apps[api].calledByIngressController.ports", ViolationCode.PORT_NOT_EXPOSED);
    }

    @Test
    void rejectsCallsToAppsMissingFromAnEnvironment() {
        Platform.Builder spec = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .environment(environment("dev").apiServer(6443, "10.20.0.10/32").cluster("https://dev.example.com"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("api").team("payments").image("r.example.com/api:1").port(8080).calls("db", 5432))
                .app(app("db").team("payments").image("r.example.com/db:1").port(5432).onlyIn("dev"));
        only(spec, "apps[api].calls[db]", ViolationCode.NETWORK_CALLEE_NOT_DEPLOYED);
    }

    @Test
    void rejectsMalformedCidrs() {
        only(platformWith(a -> a.callsExternal(cidr("10.0.0.1/8").allPorts())), "apps[api].callsExternal[10.0.0.1/8]", ViolationCode.NETWORK_CIDR_INVALID);
        only(platformWith(a -> a.callsExternal(cidr("example.com/24").allPorts())), "apps[api].callsExternal[example.com/24]", ViolationCode.NETWORK_CIDR_INVALID);
        only(platformWith(a -> a.callsExternal(cidr("10.0.0.0/8").except("11.0.0.0/16").allPorts())),
                "apps[api].callsExternal[10.0.0.0/8].except", ViolationCode.NETWORK_EXCEPT_OUTSIDE_BLOCK);
        platformWith(a -> a.callsExternal(cidr("2001:db8::/32").except("2001:db8:1::/48").allPorts())).build();
    }

    @Test
    void rejectsWildcardPermissions() {
        only(platformWith(a -> a.permissions(allow("*").on("pods"))), "apps[api].permissions[0]", ViolationCode.RBAC_WILDCARD);
        only(platformWith(a -> a.permissions(read("*"))), "apps[api].permissions[0]", ViolationCode.RBAC_WILDCARD);
        only(platformWith(a -> a.permissions(read("deployments").inGroup("*"))), "apps[api].permissions[0]", ViolationCode.RBAC_WILDCARD);
    }

    @Test
    void requiresAWeakeningForSecretsEscalationAndSensitiveSubresources() {
        only(platformWith(a -> a.permissions(read("secrets"))), "apps[api].permissions", ViolationCode.RBAC_WEAKENING_REQUIRED);
        only(platformWith(a -> a.permissions(allow("bind").on("roles").inGroup("rbac.authorization.k8s.io"))),
                "apps[api].permissions", ViolationCode.RBAC_WEAKENING_REQUIRED);
        only(platformWith(a -> a.permissions(allow("create").on("pods/exec"))), "apps[api].permissions", ViolationCode.RBAC_WEAKENING_REQUIRED);
        only(platformWith(a -> a.permissions(allow("create").on("serviceaccounts/token"))), "apps[api].permissions", ViolationCode.RBAC_WEAKENING_REQUIRED);
        only(platformWith(a -> a.permissions(read("nodes").clusterWide())), "apps[api].permissions", ViolationCode.RBAC_WEAKENING_REQUIRED);
        platformWith(a -> a.permissions(read("secrets").named("api-tls"))
                .weaken(Weakening.RBAC_SECRETS, "reads its own TLS secret for hot reload, SEC-88")).build();
    }

    @Test
    void rejectsUnusedRbacWeakenings() {
        only(platformWith(a -> a.permissions(read("configmaps")).weaken(Weakening.RBAC_SECRETS, "maybe later, SEC-1")),
                "apps[api].weakenings[RBAC_SECRETS]", ViolationCode.WEAKENING_UNUSED);
    }

    @Test
    void rejectsUnknownVerbsAndMalformedResources() {
        only(platformWith(a -> a.permissions(allow("read").on("pods"))), "apps[api].permissions[0].verbs", ViolationCode.RBAC_VERB_UNKNOWN);
        only(platformWith(a -> a.permissions(read("Pods"))), "apps[api].permissions[0].resources", ViolationCode.RBAC_RESOURCE_INVALID);
    }

    @Test
    void requiresTheApiServerAddressForAppsThatUseTheApi() {
        Platform.Builder spec = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc"))
                .baseline(baseline().withoutTrivy())
                .team(team("payments").owner("payments@example.com"))
                .app(app("api").team("payments").image("r.example.com/api:1").port(8080).permissions(read("configmaps")));
        only(spec, "apps[api].permissions", ViolationCode.ENVIRONMENT_API_SERVER_MISSING);
    }
}
