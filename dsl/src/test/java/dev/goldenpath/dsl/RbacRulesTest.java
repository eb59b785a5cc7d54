package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.leaderElection;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.environmentNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RbacRulesTest {

    private static List<String> pathsOf(App app) {
        return paths(p -> new RbacRules(platform(app), p).app(app, API));
    }

    @Test
    void acceptsNamedReadsAndLeaderElection() {
        App app = app(a -> a.permissions(read("configmaps").named("settings"), leaderElection()).roleName("api-reader"));
        assertEquals(List.of(), violations(p -> new RbacRules(platform(app), p).app(app, API)));
    }

    @Test
    void refusesWildcardsAndChecksNothingElseOfThatPermission() {
        App app = app(a -> a.permissions(allow("*").on("Secrets!"), allow("get").on("pods/*"), read("configmaps")));
        assertEquals(List.of("apps[api].permissions[0]", "apps[api].permissions[1]"), pathsOf(app));
    }

    @Test
    void reportsEachPartOfAPermissionAtItsIndex() {
        App app = app(a -> a.permissions(read("configmaps"),
                allow("get", "frob").on("Pods", "configmaps").inGroup("Not A Group").named(" ", "x*"), allow().on()));
        assertEquals(List.of("apps[api].permissions[1].apiGroup", "apps[api].permissions[1].verbs",
                "apps[api].permissions[1].resources", "apps[api].permissions[1].resourceNames",
                "apps[api].permissions[1].resourceNames", "apps[api].permissions[2]"), pathsOf(app));
    }

    @Test
    void requiresTheWeakeningOfEveryGrantThatReachesBeyondTheApp() {
        App app = app(a -> a.permissions(read("secrets"), allow("bind").on("roles").inGroup("rbac.authorization.k8s.io"),
                allow("create").on("serviceaccounts/token"), read("nodes").clusterWide()));
        assertEquals(List.of(
                "apps[api].permissions: 'RBAC_SECRETS': access to Secrets exposes every credential of the namespace (CIS "
                        + "5.1.2) (fix: drop the permission, or declare .weaken(RBAC_SECRETS, \"<reason>\"))",
                "apps[api].permissions: 'RBAC_ESCALATION': escalate, bind and impersonate let the app grant itself more "
                        + "(CIS 5.1.8) (fix: drop the permission, or declare .weaken(RBAC_ESCALATION, \"<reason>\"))",
                "apps[api].permissions: 'RBAC_SENSITIVE_SUBRESOURCES': exec, attach, port-forward, node proxy and token "
                        + "creation reach into other workloads (fix: drop the permission, or declare "
                        + ".weaken(RBAC_SENSITIVE_SUBRESOURCES, \"<reason>\"))",
                "apps[api].permissions: 'CLUSTER_ROLE': a ClusterRole grants the permission in every namespace (fix: drop "
                        + "the permission, or declare .weaken(CLUSTER_ROLE, \"<reason>\"))"),
                violations(p -> new RbacRules(platform(app), p).app(app, API)));
    }

    @Test
    void secretsInAnotherApiGroupNeedNoWeakening() {
        // Only the core group's "secrets" are Kubernetes Secrets.
        App app = app(a -> a.permissions(read("secrets").inGroup("secrets-store.csi.x-k8s.io")));
        assertEquals(List.of(), pathsOf(app));
    }

    @Test
    void refusesWeakeningsNoPermissionNeeds() {
        App app = app(a -> a.permissions(read("configmaps"))
                .weaken(Weakening.RBAC_SECRETS, "left over from an old version")
                .weaken(Weakening.SERVICE_ACCOUNT_TOKEN, "left over from an old version"));
        assertEquals(List.of("apps[api].weakenings[RBAC_SECRETS]", "apps[api].weakenings[SERVICE_ACCOUNT_TOKEN]"),
                pathsOf(app));
    }

    @Test
    void requiresTheApiServerAddressWhereverTheAppRuns() {
        App app = app(a -> a.permissions(read("configmaps")));
        Platform platform = platform(List.of(environment("prod").cluster("https://kubernetes.default.svc")
                .apiServer(6443, "10.0.0.1/32").build(), environment("staging").cluster("https://kubernetes.default.svc").build()), app);
        assertEquals(List.of("apps[api].permissions: 'staging': the app uses the API, but environment staging does not "
                        + "say where the API server is, so no egress to it can be allowed (fix: declare "
                        + "environment(\"staging\").apiServer(6443, \"<endpoint CIDR>\"))"),
                violations(p -> new RbacRules(platform, p).app(app, API)));
        App prodOnly = app(a -> a.permissions(read("configmaps")).onlyIn("prod"));
        assertEquals(List.of(), violations(p -> new RbacRules(platform, p).app(prodOnly, API)));
    }

    @Test
    void refusesARoleNameThatIsNoDnsSubdomain() {
        assertEquals(List.of("apps[api].roleName"), pathsOf(app(a -> a.permissions(read("pods")).roleName("Pod Reader"))));
    }
}
