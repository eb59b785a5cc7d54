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

    /** Asserts that the spec breaks exactly one rule, this one, at this path. */
    private static Violation onlyViolation(Platform.Builder spec, String path, ViolationCode code) {
        List<Violation> violations = violations(spec);
        assertEquals(1, violations.size(), () -> "violations: " + violations);
        Violation violation = violations.get(0);
        assertEquals(path, violation.path());
        assertEquals(code, violation.code(), violation::toString);
        assertTrue(!violation.hint().isBlank());
        return violation;
    }

    @Test
    void acceptsOnlyDigestsThatPin() {
        // OCI image spec, "Digests": the registered encodings, sha256 with 64 and sha512 with 128 lowercase hex digits.
        platformWith(a -> a.image("registry.example.com/app@sha512:" + "0123456789abcdef".repeat(8))).build();
        platformWith(a -> a.image("registry.example.com/app:1.0@sha256:" + "a".repeat(64))).build();
        for (String digest : List.of("sha256:abc", "sha256:" + "A".repeat(64), "sha384:" + "a".repeat(96),
                "sha512:" + "a".repeat(64))) {
            onlyViolation(platformWith(a -> a.image("registry.example.com/app:1.0@" + digest)), "apps[api].image",
                    ViolationCode.IMAGE_INVALID);
        }
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
                "apps[9lives].name", ViolationCode.NAME_DNS1035_LABEL);
        onlyViolation(platformWith(a -> app("a".repeat(64)).team("payments").image(IMAGE).port(80)),
                "apps[" + "a".repeat(64) + "].name", ViolationCode.NAME_DNS1035_LABEL);
    }

    @Test
    void rejectsDuplicateApps() {
        Violation v = onlyViolation(platformWith(a -> a).app(app("api").team("payments").image(IMAGE).port(80)),
                "apps[api]", ViolationCode.APP_DUPLICATE);
        assertEquals("api", v.value());
    }

    @Test
    void rejectsUnknownTeamsAndEnvironments() {
        onlyViolation(platformWith(a -> a.team("web")), "apps[api].team", ViolationCode.TEAM_UNKNOWN);
        onlyViolation(platformWith(a -> a.onlyIn("qa")), "apps[api].onlyIn[qa]", ViolationCode.ENVIRONMENT_UNKNOWN);
        onlyViolation(platformWith(a -> a.in("qa", o -> o.replicas(2))), "apps[api].in[qa]", ViolationCode.ENVIRONMENT_UNKNOWN);
    }

    @Test
    void rejectsMutableOrUnpinnedImages() {
        onlyViolation(platformWith(a -> a.image("registry.example.com/app:latest")), "apps[api].image", ViolationCode.IMAGE_LATEST_TAG);
        onlyViolation(platformWith(a -> a.image("registry.example.com/app")), "apps[api].image", ViolationCode.IMAGE_UNPINNED);
        onlyViolation(platformWith(a -> a.image("Registry.example.com/App:1")), "apps[api].image", ViolationCode.IMAGE_INVALID);
        onlyViolation(platformWith(a -> a.in("prod", o -> o.imageTag("latest"))), "apps[api].in[prod].imageTag", ViolationCode.IMAGE_LATEST_TAG);
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
        onlyViolation(platformWith(a -> a.port(port("http", 9090))), "apps[api].ports[http].name", ViolationCode.PORT_NAME_DUPLICATE);
        onlyViolation(platformWith(a -> a.port(port("metrics", 0))), "apps[api].ports[metrics].number", ViolationCode.PORT_NUMBER_OUT_OF_RANGE);
        onlyViolation(platformWith(a -> a.port(port("1234", 9090))), "apps[api].ports[1234].name", ViolationCode.PORT_NAME_INVALID);
        onlyViolation(platformWith(a -> a.port(port("much-too-long-port", 9090))), "apps[api].ports[much-too-long-port].name",
                ViolationCode.PORT_NAME_INVALID);
    }

    @Test
    void checksQuantitiesAndLimitsAgainstRequests() {
        onlyViolation(platformWith(a -> a.resources(requests("250m", "64MB"), limits("500m", "128Mi"))),
                "apps[api].resources.requests.memory", ViolationCode.RESOURCES_NOT_A_QUANTITY);
        onlyViolation(platformWith(a -> a.resources(requests("1", "64Mi"), limits("500m", "128Mi"))),
                "apps[api].resources.limits.cpu", ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST);
        onlyViolation(platformWith(a -> a.resources(requests("100m", "1Gi"), limits("1", "1000Mi"))),
                "apps[api].resources.limits.memory", ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST);
        onlyViolation(platformWith(a -> a.in("prod", o -> o.resources(requests("2", "1Gi"), limits("1", "1Gi")))),
                "apps[api].in[prod].resources.limits.cpu", ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST);
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
        onlyViolation(platformWith(a -> a.replicas(-1)), "apps[api].replicas", ViolationCode.WORKLOAD_REPLICAS_NEGATIVE);
        onlyViolation(platformWith(a -> a.in("prod", o -> o.replicas(-2))), "apps[api].in[prod].replicas", ViolationCode.WORKLOAD_REPLICAS_NEGATIVE);
    }

    @Test
    void checksLabelAndAnnotationSyntax() {
        onlyViolation(platformWith(a -> a.label("tier!", "web")), "apps[api].labels[tier!]", ViolationCode.LABEL_KEY_INVALID);
        onlyViolation(platformWith(a -> a.label("tier", "-web")), "apps[api].labels[tier]", ViolationCode.LABEL_VALUE_INVALID);
        onlyViolation(platformWith(a -> a.label("tier", "x".repeat(64))), "apps[api].labels[tier]", ViolationCode.LABEL_VALUE_INVALID);
        onlyViolation(platformWith(a -> a.label("app.kubernetes.io/name", "other")), "apps[api].labels[app.kubernetes.io/name]",
                ViolationCode.LABEL_RESERVED);
        onlyViolation(platformWith(a -> a.annotation("Example.com/note", "x")), "apps[api].annotations[Example.com/note]",
                ViolationCode.ANNOTATION_KEY_INVALID);
        onlyViolation(platformWith(a -> a.annotation("container.apparmor.security.beta.kubernetes.io/api", "unconfined")),
                "apps[api].annotations[container.apparmor.security.beta.kubernetes.io/api]", ViolationCode.METADATA_SECURITY_PROFILE);
        onlyViolation(platformWith(a -> a.annotation("seccomp.security.alpha.kubernetes.io/pod", "unconfined")),
                "apps[api].annotations[seccomp.security.alpha.kubernetes.io/pod]", ViolationCode.METADATA_SECURITY_PROFILE);
        onlyViolation(platformWith(a -> a.annotation("weakening.goldenpath.dev/probes", "because")),
                "apps[api].annotations[weakening.goldenpath.dev/probes]", ViolationCode.METADATA_WEAKENING_ANNOTATION);
    }

    @Test
    void refusesRootWithoutADeclaredWeakening() {
        onlyViolation(platformWith(a -> a.runAsUser(0)), "apps[api].runAsUser", ViolationCode.WORKLOAD_RUN_AS_ROOT);
        onlyViolation(platformWith(a -> a.fsGroup(0)), "apps[api].fsGroup", ViolationCode.WORKLOAD_RUN_AS_ROOT);
        platformWith(a -> a.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0, SEC-1")).build();
    }

    @Test
    void requiresAWrittenReasonForEveryWeakening() {
        onlyViolation(platformWith(a -> a.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "legacy")),
                "apps[api].weakenings[WRITABLE_ROOT_FILESYSTEM].reason", ViolationCode.WEAKENING_REASON_TOO_SHORT);
    }

    @Test
    void refusesCapabilitiesBeyondNetBindServiceUnlessDeclared() {
        platformWith(a -> a.addCapabilities("NET_BIND_SERVICE")).build();
        onlyViolation(platformWith(a -> a.addCapabilities("NET_ADMIN")), "apps[api].addedCapabilities[NET_ADMIN]",
                ViolationCode.CONTAINER_CAPABILITY_NOT_ALLOWED);
        onlyViolation(platformWith(a -> a.addCapabilities("CAP_NET_ADMIN").weaken(Weakening.ADDED_CAPABILITIES, "needs raw sockets, NET-9")),
                "apps[api].addedCapabilities[CAP_NET_ADMIN]", ViolationCode.CONTAINER_CAPABILITY_INVALID);
        onlyViolation(platformWith(a -> a.addCapabilities("NET_BIND_SERVICE").weaken(Weakening.ADDED_CAPABILITIES, "just in case, SEC-7")),
                "apps[api].weakenings[ADDED_CAPABILITIES]", ViolationCode.WEAKENING_UNUSED);
    }

    @Test
    void refusesHostPortsUnlessDeclared() {
        onlyViolation(platformWith(a -> app("api").team("payments").image(IMAGE).port(port("http", 8080).onHostPort(80))),
                "apps[api].ports[http].hostPort", ViolationCode.PORT_HOST_PORT);
        platformWith(a -> app("api").team("payments").image(IMAGE).port(port("http", 8080).onHostPort(80))
                .weaken(Weakening.HOST_PORTS, "node-local DNS cache, approved NET-12")).build();
    }

    @Test
    void checksProbes() {
        onlyViolation(platformWith(a -> a.readiness(httpGet("ready"))), "apps[api].readiness.path", ViolationCode.PROBE_HTTP_PATH_INVALID);
        onlyViolation(platformWith(a -> a.liveness(tcpSocket("admin"))), "apps[api].liveness.port", ViolationCode.PROBE_PORT_UNKNOWN);
        onlyViolation(platformWith(a -> a.liveness(exec())), "apps[api].liveness.command", ViolationCode.PROBE_EXEC_COMMAND_INVALID);
        onlyViolation(platformWith(a -> a.readiness(httpGet("/ready").periodSeconds(0))), "apps[api].readiness", ViolationCode.PROBE_TIMING_INVALID);
        onlyViolation(platformWith(a -> app("worker").team("payments").image(IMAGE)), "apps[worker].liveness", ViolationCode.PROBE_MISSING);
        platformWith(a -> app("worker").team("payments").image(IMAGE).liveness(exec("/bin/check"))).build();
        platformWith(a -> app("worker").team("payments").image(IMAGE).weaken(Weakening.NO_PROBES, "batch job, exits quickly")).build();
    }

    @Test
    void checksEnvironmentVariables() {
        onlyViolation(platformWith(a -> a.env("1X", "y")), "apps[api].env[1X]", ViolationCode.ENV_NAME_INVALID);
        onlyViolation(platformWith(a -> a.env("X", "1").env("X", "2")), "apps[api].env[X]", ViolationCode.ENV_DUPLICATE);
    }

    @Test
    void checksWritablePaths() {
        onlyViolation(platformWith(a -> a.writablePath("tmp")), "apps[api].writablePaths[tmp]", ViolationCode.CONTAINER_WRITABLE_PATH_INVALID);
        onlyViolation(platformWith(a -> a.writablePath("/")), "apps[api].writablePaths[/]", ViolationCode.CONTAINER_WRITABLE_PATH_INVALID);
        onlyViolation(platformWith(a -> a.writablePath("/a/../b")), "apps[api].writablePaths[/a/../b]", ViolationCode.CONTAINER_WRITABLE_PATH_INVALID);
        onlyViolation(platformWith(a -> a.writablePath("/tmp", "lots")), "apps[api].writablePaths[/tmp].sizeLimit", ViolationCode.RESOURCES_NOT_A_QUANTITY);
    }

    @Test
    void checksRolloutBudgetAndAutoscaling() {
        onlyViolation(platformWith(a -> a.rollout(rollingUpdate("0", "0%"))), "apps[api].rollout", ViolationCode.ROLLOUT_NO_PROGRESS);
        onlyViolation(platformWith(a -> a.rollout(rollingUpdate("150%", "0"))), "apps[api].rollout.maxSurge", ViolationCode.WORKLOAD_INT_OR_PERCENT_INVALID);
        onlyViolation(platformWith(a -> a.disruptionBudget(maxUnavailable("0"))), "apps[api].disruptionBudget", ViolationCode.BUDGET_BLOCKS_DRAINS);
        onlyViolation(platformWith(a -> a.autoscale(3, 2, 70)), "apps[api].autoscaling.maxReplicas", ViolationCode.AUTOSCALING_MAX_BELOW_MIN);
        onlyViolation(platformWith(a -> a.autoscale(0, 2, 70)), "apps[api].autoscaling.minReplicas", ViolationCode.AUTOSCALING_MIN_REPLICAS);
    }

    @Test
    void checksPlacement() {
        onlyViolation(platformWith(a -> a.runtimeClass("Wasm_Time")), "apps[api].runtimeClassName", ViolationCode.SCHEDULING_RUNTIME_CLASS_INVALID);
        onlyViolation(platformWith(a -> a.nodeSelector("pool", "gpu nodes")), "apps[api].nodeSelector[pool]", ViolationCode.LABEL_VALUE_INVALID);
        onlyViolation(platformWith(a -> a.toleration(toleration("dedicated", "a b", dev.goldenpath.dsl.Toleration.Effect.NO_SCHEDULE))),
                "apps[api].tolerations[0].value", ViolationCode.SCHEDULING_TAINT_VALUE_INVALID);
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
        onlyViolation(platformWith(a -> a.in("prod", o -> o.clusters("eu"))), "apps[api].in[prod].clusters[eu]", ViolationCode.CLUSTER_UNKNOWN);
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
        Violation v = onlyViolation(platformWith(a -> a.replicas(-7)), "apps[api].replicas", ViolationCode.WORKLOAD_REPLICAS_NEGATIVE);
        assertEquals("-7", v.value());
        assertEquals("apps[api].replicas: '-7': replicas must be 0 or more (fix: use 0 to stop the app)", v.toString());
    }
}
