package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.maxUnavailable;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.rollingUpdate;
import static dev.goldenpath.dsl.GoldenPath.tcpSocket;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.toleration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final String IMAGE = "registry.example.com/team/app:1.0.0";

    /** A valid platform around one app that the test changes. */
    private static Platform.Builder platformWith(UnaryOperator<App.Builder> change) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("payments@example.com"))
                .app(change.apply(app("api").team("payments").image(IMAGE).port(8080)));
    }

    private static List<Violation> violations(Platform.Builder spec) {
        try {
            spec.build();
        } catch (SpecException e) {
            return e.violations();
        }
        return fail("expected a SpecException");
    }

    /** Asserts that the spec breaks exactly one rule, at this path, with this text in the rule. */
    private static Violation onlyViolation(Platform.Builder spec, String path, String ruleText) {
        List<Violation> violations = violations(spec);
        assertEquals(1, violations.size(), () -> "violations: " + violations);
        Violation violation = violations.get(0);
        assertEquals(path, violation.path());
        assertTrue(violation.rule().contains(ruleText), () -> "rule was: " + violation.rule());
        assertTrue(!violation.hint().isBlank());
        return violation;
    }

    @Test
    void minimalSpecIsValid() {
        Platform platform = platformWith(a -> a).build();
        assertEquals(1, platform.instances().size());
        assertEquals("payments-prod", platform.instances().get(0).namespace());
    }

    @Test
    void reportsEveryViolationOfThePlatformAtOnce() {
        SpecException e = assertThrows(SpecException.class, () -> platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("p@example.com"))
                .app(app("Bad_Name").team("payments").image(IMAGE).port(8080))
                .app(app("api").team("nobody").image("nginx").port(70000))
                .build());
        List<String> paths = e.violations().stream().map(Violation::path).toList();
        assertEquals(List.of("apps[Bad_Name].name", "apps[api].team", "apps[api].image", "apps[api].ports[http].number"), paths);
        assertTrue(e.getMessage().startsWith("platform 'acme' has 4 violations:"));
        assertTrue(e.getMessage().contains("apps[api].team: 'nobody': unknown team (fix: declare .team(team(\"nobody\")"));
    }

    @Test
    void rejectsNamesThatAreNotDns1123() {
        onlyViolation(platformWith(a -> app("9lives").team("payments").image(IMAGE).port(80)),
                "apps[9lives].name", "must start with a letter");
        onlyViolation(platformWith(a -> app("a".repeat(64)).team("payments").image(IMAGE).port(80)),
                "apps[" + "a".repeat(64) + "].name", "at most 63 characters");
    }

    @Test
    void rejectsDuplicateApps() {
        Violation v = onlyViolation(platformWith(a -> a).app(app("api").team("payments").image(IMAGE).port(80)),
                "apps[api]", "unique");
        assertEquals("api", v.value());
    }

    @Test
    void rejectsUnknownTeamsAndEnvironments() {
        onlyViolation(platformWith(a -> a.team("web")), "apps[api].team", "unknown team");
        onlyViolation(platformWith(a -> a.onlyIn("qa")), "apps[api].onlyIn[qa]", "unknown environment");
        onlyViolation(platformWith(a -> a.in("qa", o -> o.replicas(2))), "apps[api].in[qa]", "unknown environment");
    }

    @Test
    void rejectsMutableOrUnpinnedImages() {
        onlyViolation(platformWith(a -> a.image("registry.example.com/app:latest")), "apps[api].image", "'latest'");
        onlyViolation(platformWith(a -> a.image("registry.example.com/app")), "apps[api].image", "without tag or digest");
        onlyViolation(platformWith(a -> a.image("Registry.example.com/App:1")), "apps[api].image", "must match");
        onlyViolation(platformWith(a -> a.in("prod", o -> o.imageTag("latest"))), "apps[api].in[prod].imageTag", "'latest'");
    }

    @Test
    void acceptsTagsDigestsAndBoth() {
        String digest = "@sha256:" + "a".repeat(64);
        for (String image : List.of("app:1", "registry:5000/team/app:1.2.3", "registry.example.com/app" + digest,
                "registry.example.com/app:1.2" + digest)) {
            platformWith(a -> a.image(image)).build();
        }
    }

    @Test
    void checksPortRangesAndUniqueNames() {
        onlyViolation(platformWith(a -> a.port(port("http", 9090))), "apps[api].ports[http].name", "unique");
        onlyViolation(platformWith(a -> a.port(port("metrics", 0))), "apps[api].ports[metrics].number", "1 to 65535");
        onlyViolation(platformWith(a -> a.port(port("1234", 9090))), "apps[api].ports[1234].name", "at least one letter");
        onlyViolation(platformWith(a -> a.port(port("much-too-long-port", 9090))), "apps[api].ports[much-too-long-port].name",
                "1 to 15 characters");
    }

    @Test
    void checksQuantitiesAndLimitsAgainstRequests() {
        onlyViolation(platformWith(a -> a.resources(requests("250m", "64MB"), limits("500m", "128Mi"))),
                "apps[api].resources.requests.memory", "not a Kubernetes quantity");
        onlyViolation(platformWith(a -> a.resources(requests("1", "64Mi"), limits("500m", "128Mi"))),
                "apps[api].resources.limits.cpu", "at least the request");
        onlyViolation(platformWith(a -> a.resources(requests("100m", "1Gi"), limits("1", "1000Mi"))),
                "apps[api].resources.limits.memory", "at least the request (1Gi)");
        onlyViolation(platformWith(a -> a.in("prod", o -> o.resources(requests("2", "1Gi"), limits("1", "1Gi")))),
                "apps[api].in[prod].resources.limits.cpu", "at least the request");
        platformWith(a -> a.resources(requests("0.5", "1e7"), limits("1.5", "10M"))).build();
    }

    @Test
    void checksQuantityParsingExactly() {
        assertEquals(0, Quantities.parse("1Ki").orElseThrow().compareTo(new java.math.BigDecimal(1024)));
        assertEquals(0, Quantities.parse("250m").orElseThrow().compareTo(new java.math.BigDecimal("0.25")));
        assertEquals(0, Quantities.parse("1e3").orElseThrow().compareTo(new java.math.BigDecimal(1000)));
        assertTrue(Quantities.parse("-1").isEmpty());
        assertTrue(Quantities.parse("1.5.5").isEmpty());
        assertTrue(Quantities.parse("5 Mi").isEmpty());
    }

    @Test
    void rejectsNegativeReplicas() {
        onlyViolation(platformWith(a -> a.replicas(-1)), "apps[api].replicas", "0 or more");
        onlyViolation(platformWith(a -> a.in("prod", o -> o.replicas(-2))), "apps[api].in[prod].replicas", "0 or more");
    }

    @Test
    void checksLabelAndAnnotationSyntax() {
        onlyViolation(platformWith(a -> a.label("tier!", "web")), "apps[api].labels[tier!]", "label key");
        onlyViolation(platformWith(a -> a.label("tier", "-web")), "apps[api].labels[tier]", "label value");
        onlyViolation(platformWith(a -> a.label("tier", "x".repeat(64))), "apps[api].labels[tier]", "at most 63");
        onlyViolation(platformWith(a -> a.label("app.kubernetes.io/name", "other")), "apps[api].labels[app.kubernetes.io/name]",
                "set by goldenpath");
        onlyViolation(platformWith(a -> a.annotation("Example.com/note", "x")), "apps[api].annotations[Example.com/note]",
                "DNS-1123 subdomain");
        onlyViolation(platformWith(a -> a.annotation("container.apparmor.security.beta.kubernetes.io/api", "unconfined")),
                "apps[api].annotations[container.apparmor.security.beta.kubernetes.io/api]", "security profile");
        onlyViolation(platformWith(a -> a.annotation("seccomp.security.alpha.kubernetes.io/pod", "unconfined")),
                "apps[api].annotations[seccomp.security.alpha.kubernetes.io/pod]", "security profile");
        onlyViolation(platformWith(a -> a.annotation("exception.goldenpath.dev/probes", "because")),
                "apps[api].annotations[exception.goldenpath.dev/probes]", "written by goldenpath");
    }

    @Test
    void refusesRootWithoutADeclaredWeakening() {
        onlyViolation(platformWith(a -> a.runAsUser(0)), "apps[api].runAsUser", "0 is root");
        onlyViolation(platformWith(a -> a.fsGroup(0)), "apps[api].fsGroup", "0 is root");
        platformWith(a -> a.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0, SEC-1")).build();
    }

    @Test
    void requiresAWrittenReasonForEveryWeakening() {
        onlyViolation(platformWith(a -> a.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "legacy")),
                "apps[api].exemptions[WRITABLE_ROOT_FILESYSTEM].reason", "written reason");
    }

    @Test
    void refusesCapabilitiesBeyondNetBindServiceUnlessDeclared() {
        platformWith(a -> a.addCapabilities("NET_BIND_SERVICE")).build();
        onlyViolation(platformWith(a -> a.addCapabilities("NET_ADMIN")), "apps[api].addedCapabilities[NET_ADMIN]",
                "only NET_BIND_SERVICE");
        onlyViolation(platformWith(a -> a.addCapabilities("CAP_NET_ADMIN").weaken(Weakening.ADDED_CAPABILITIES, "needs raw sockets, NET-9")),
                "apps[api].addedCapabilities[CAP_NET_ADMIN]", "without 'CAP_'");
        onlyViolation(platformWith(a -> a.addCapabilities("NET_BIND_SERVICE").weaken(Weakening.ADDED_CAPABILITIES, "just in case, SEC-7")),
                "apps[api].exemptions[ADDED_CAPABILITIES]", "unused");
    }

    @Test
    void refusesHostPortsUnlessDeclared() {
        onlyViolation(platformWith(a -> app("api").team("payments").image(IMAGE).port(port("http", 8080).onHostPort(80))),
                "apps[api].ports[http].hostPort", "HostPorts");
        platformWith(a -> app("api").team("payments").image(IMAGE).port(port("http", 8080).onHostPort(80))
                .weaken(Weakening.HOST_PORTS, "node-local DNS cache, approved NET-12")).build();
    }

    @Test
    void checksProbes() {
        onlyViolation(platformWith(a -> a.readiness(httpGet("ready"))), "apps[api].readiness.path", "starts with '/'");
        onlyViolation(platformWith(a -> a.liveness(tcpSocket("admin"))), "apps[api].liveness.port", "does not declare");
        onlyViolation(platformWith(a -> a.liveness(exec())), "apps[api].liveness.command", "needs a command");
        onlyViolation(platformWith(a -> a.readiness(httpGet("/ready").periodSeconds(0))), "apps[api].readiness", "at least 1");
        onlyViolation(platformWith(a -> app("worker").team("payments").image(IMAGE)), "apps[worker].liveness", "without ports");
        platformWith(a -> app("worker").team("payments").image(IMAGE).liveness(exec("/bin/check"))).build();
        platformWith(a -> app("worker").team("payments").image(IMAGE).weaken(Weakening.NO_PROBES, "batch job, exits quickly")).build();
    }

    @Test
    void checksEnvironmentVariables() {
        onlyViolation(platformWith(a -> a.env("1X", "y")), "apps[api].env[1X]", "not starting with a digit");
        onlyViolation(platformWith(a -> a.env("X", "1").env("X", "2")), "apps[api].env[X]", "set twice");
    }

    @Test
    void checksWritablePaths() {
        onlyViolation(platformWith(a -> a.writablePath("tmp")), "apps[api].writablePaths[tmp]", "absolute");
        onlyViolation(platformWith(a -> a.writablePath("/")), "apps[api].writablePaths[/]", "other than '/'");
        onlyViolation(platformWith(a -> a.writablePath("/a/../b")), "apps[api].writablePaths[/a/../b]", "normalized");
        onlyViolation(platformWith(a -> a.writablePath("/tmp", "lots")), "apps[api].writablePaths[/tmp].sizeLimit", "quantity");
    }

    @Test
    void checksRolloutBudgetAndAutoscaling() {
        onlyViolation(platformWith(a -> a.rollout(rollingUpdate("0", "0%"))), "apps[api].rollout", "both be 0");
        onlyViolation(platformWith(a -> a.rollout(rollingUpdate("150%", "0"))), "apps[api].rollout.maxSurge", "0% to 100%");
        onlyViolation(platformWith(a -> a.disruptionBudget(maxUnavailable("0"))), "apps[api].disruptionBudget", "node drains");
        onlyViolation(platformWith(a -> a.autoscale(3, 2, 70)), "apps[api].autoscaling.maxReplicas", "at least minReplicas");
        onlyViolation(platformWith(a -> a.autoscale(0, 2, 70)), "apps[api].autoscaling.minReplicas", "at least 1");
    }

    @Test
    void checksPlacement() {
        onlyViolation(platformWith(a -> a.runtimeClass("Wasm_Time")), "apps[api].runtimeClassName", "DNS-1123 subdomain");
        onlyViolation(platformWith(a -> a.nodeSelector("pool", "gpu nodes")), "apps[api].nodeSelector[pool]", "label value");
        onlyViolation(platformWith(a -> a.toleration(toleration("dedicated", "a b", dev.goldenpath.dsl.Toleration.Effect.NO_SCHEDULE))),
                "apps[api].tolerations[0].value", "label value");
    }

    @Test
    void checksEnvironmentsClustersAndNamespaces() {
        List<Violation> violations = violations(platform("acme")
                .gitRepository("not a url")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("http://insecure").podSecurityVersion("1.30"))
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://k"))
                .team(team("payments").owner("p@example.com"))
                .app(app("api").team("payments").image(IMAGE).port(80).namespace("{app}_{environment}")));
        List<String> paths = violations.stream().map(Violation::path).toList();
        assertTrue(paths.contains("gitRepository"), paths::toString);
        assertTrue(paths.contains("environments[prod]"), paths::toString);
        assertTrue(paths.contains("environments[prod].clusters[prod].server"), paths::toString);
        assertTrue(paths.contains("environments[prod].podSecurityVersion"), paths::toString);
        assertTrue(paths.contains("apps[api].namespace"), paths::toString);
        onlyViolation(platformWith(a -> a.in("prod", o -> o.clusters("eu"))), "apps[api].in[prod].clusters[eu]", "unknown cluster");
    }

    @Test
    void requiresTeamContactsAndAtLeastOneEnvironmentAndApp() {
        List<String> paths = violations(platform("acme").gitRepository("git@git.example.com:acme/gitops.git")
                .team(team("payments"))).stream().map(Violation::path).toList();
        assertEquals(List.of("apps", "environments", "teams[payments].owner"), paths);
    }

    @Test
    void appliesEnvironmentOverrides() {
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("staging").apiServer(6443, "10.20.0.10/32").cluster("https://staging.example.com"))
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster(cluster("eu", "https://eu.example.com")).cluster(cluster("us", "https://us.example.com")))
                .team(team("payments").owner("p@example.com"))
                .app(app("api").team("payments").image("registry.example.com/api:1.0@sha256:" + "b".repeat(64)).port(80)
                        .replicas(2)
                        .in("prod", o -> o.replicas(5).imageTag("1.1").clusters("us").resources(requests("1", "1Gi"), limits("2", "2Gi"))))
                .build();
        AppInstance staging = platform.instances().get(1);
        AppInstance prod = platform.instances().get(0);
        assertEquals("prod", prod.environment().name());
        assertEquals(5, prod.replicas());
        assertEquals("registry.example.com/api:1.1", prod.image());
        assertEquals(List.of("us"), prod.clusters().stream().map(Cluster::name).toList());
        assertEquals("2Gi", prod.resources().limits().memory());
        assertEquals(2, staging.replicas());
        assertEquals(Resources.DEFAULT, staging.resources());
    }

    @Test
    void violationsNeverEchoTheUserLessThanTheyWrote() {
        Violation v = onlyViolation(platformWith(a -> a.replicas(-7)), "apps[api].replicas", "0 or more");
        assertEquals("-7", v.value());
        assertEquals("apps[api].replicas: '-7': replicas must be 0 or more (fix: use 0 to stop the app)", v.toString());
    }
}
