package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.RuleFixtures.IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Init containers and sidecars: each is checked like the main container, plus the rules of its kind. */
class CompanionRulesTest {

    private static final String SEALED = java.util.Base64.getEncoder().encodeToString(sealedShape());

    /** A sidecar that breaks no rule: pinned image, resources, a named port. */
    private static Container.Builder proxy() {
        return container("proxy").image("registry.example.com/proxy:1.2.0").port("proxy", 15001)
                .resources(requests("50m", "32Mi"), limits("100m", "64Mi"));
    }

    private static Container.Builder migrate() {
        return container("migrate").image("registry.example.com/migrate:3.1.0").command("/bin/migrate")
                .resources(requests("50m", "32Mi"), limits("100m", "64Mi"));
    }

    private static Platform.Builder platformWith(WorkloadBuilder<?>... apps) {
        Platform.Builder platform = platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"));
        for (WorkloadBuilder<?> app : apps) {
            platform.app(app);
        }
        return platform;
    }

    private static List<Violation> violations(Platform.Builder platform) {
        return assertThrows(SpecException.class, platform::build).violations();
    }

    private static List<String> codesAndPaths(Platform.Builder platform) {
        return violations(platform).stream().map(v -> v.code() + " " + v.path()).toList();
    }

    @Test
    void acceptsHardenedCompanionsWithResourcesAndUniqueNamesAndPorts() {
        Platform platform = platformWith(RuleFixtures.appNamed("web").port(8080)
                .sidecar(proxy()).initContainer(migrate())).build();
        assertEquals(List.of("proxy"), platform.app("web").orElseThrow().companions().sidecars().stream()
                .map(NamedContainer::name).toList());
        assertEquals(List.of(8080, 15001), platform.app("web").orElseThrow().ports().stream().map(Port::number).toList());
    }

    @Test
    void refusesASidecarOrInitContainerWithoutResources() {
        assertEquals(List.of("container.resources-missing apps[web].sidecar[shipper].resources",
                        "container.resources-missing apps[web].initContainer[wait].resources"),
                codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080)
                        .sidecar(container("shipper").image(IMAGE).liveness(exec("/bin/true")).readiness(exec("/bin/true")))
                        .initContainer(container("wait").image(IMAGE)))));
    }

    @Test
    void refusesProbesOnAnInitContainerWithTheProbeAsValue() {
        List<Violation> violations = violations(platformWith(RuleFixtures.appNamed("web").port(8080)
                .initContainer(migrate().liveness(httpGet("/healthz")).startup(exec("/bin/ready")))));
        assertEquals(List.of("init-container.probe apps[web].initContainer[migrate].liveness 'httpGet /healthz'",
                        "init-container.probe apps[web].initContainer[migrate].startup 'exec /bin/ready'"),
                violations.stream().map(v -> v.code() + " " + v.path() + " '" + v.value() + "'").toList());
    }

    @Test
    void refusesPortsOnAnInitContainer() {
        assertEquals(List.of("init-container.ports apps[web].initContainer[migrate].ports[debug]"),
                codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080)
                        .initContainer(migrate().port("debug", 9229)))));
    }

    @Test
    void portNamesAndNumbersAreUniqueAcrossThePodsContainers() {
        // The builder names a first port "http": a sidecar's unnamed port clashes with the app's.
        List<Violation> violations = violations(platformWith(RuleFixtures.appNamed("web").port(8080)
                .sidecar(container("proxy").image(IMAGE).port(15001).port(port("admin", 8080))
                        .resources(requests("50m", "32Mi"), limits("100m", "64Mi")))));
        assertEquals(List.of("port.name-duplicate apps[web].sidecar[proxy].ports[http].name 'http'",
                        "port.duplicate apps[web].sidecar[proxy].ports[admin].number '8080'"),
                violations.stream().map(v -> v.code() + " " + v.path() + " '" + v.value() + "'").toList());
    }

    @Test
    void namesAreDns1123LabelsUniqueInThePodWithTheMainContainerNamedAfterTheApp() {
        assertEquals(List.of("container.name-invalid apps[web].sidecar[Log_Shipper].name",
                        "container.name-duplicate apps[web].sidecar[web].name",
                        "container.name-duplicate apps[web].initContainer[proxy].name"),
                codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080)
                        .sidecar(container("Log_Shipper").image(IMAGE).port("logs", 24224)
                                .resources(requests("50m", "32Mi"), limits("100m", "64Mi")))
                        .sidecar(container("web").image(IMAGE).port("web2", 9000)
                                .resources(requests("50m", "32Mi"), limits("100m", "64Mi")))
                        .sidecar(proxy())
                        .initContainer(migrate()).initContainer(container("proxy").image(IMAGE)
                                .resources(requests("50m", "32Mi"), limits("100m", "64Mi"))))));
    }

    @Test
    void checksEachCompanionLikeTheMainContainer() {
        List<String> found = codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080)
                .sidecar(container("shipper").image("fluent-bit:latest").port("logs", 24224)
                        .resources(requests("lots", "64Mi"), limits("100m", "32Mi"))
                        .env("1BAD", "x").env("API_TOKEN", "hunter2hunter2")
                        .writablePath("relative")
                        .runAsUser(0)
                        .addCapabilities("NET_ADMIN")
                        .liveness(httpGet("/healthz", "nope")))
                .initContainer(migrate().image("migrate").runAsGroup(0))));
        assertEquals(List.of(
                "container.capability-not-allowed apps[web].sidecar[shipper].addedCapabilities[NET_ADMIN]",
                "env.name-invalid apps[web].sidecar[shipper].env[1BAD]",
                "image.latest-tag apps[web].sidecar[shipper].image",
                "container.writable-path-invalid apps[web].sidecar[shipper].writablePaths[relative]",
                "image.unpinned apps[web].initContainer[migrate].image",
                "probe.port-unknown apps[web].sidecar[shipper].liveness.port",
                "resources.limit-below-request apps[web].sidecar[shipper].resources.limits.memory",
                "resources.not-a-quantity apps[web].sidecar[shipper].resources.requests.cpu",
                "secret.plaintext-env apps[web].sidecar[shipper].env[API_TOKEN].value",
                "workload.run-as-root apps[web].initContainer[migrate].runAsGroup",
                "workload.run-as-root apps[web].sidecar[shipper].runAsGroup",
                "workload.run-as-root apps[web].sidecar[shipper].runAsUser").stream().sorted().toList(),
                found.stream().sorted().toList());
    }

    @Test
    void theAppsWeakeningsAllowWhatACompanionAsksForAndCountAsUsedByIt() {
        // RUN_AS_ROOT and ADDED_CAPABILITIES are used by the sidecar alone: not reported as unused.
        Platform platform = platformWith(RuleFixtures.appNamed("web").port(8080)
                .sidecar(proxy().runAsUser(0).addCapabilities("NET_ADMIN"))
                .weaken(Weakening.RUN_AS_ROOT, "the proxy image needs uid 0 to program iptables; SEC-7")
                .weaken(Weakening.ADDED_CAPABILITIES, "the proxy programs the pod's routes; SEC-7")).build();
        assertEquals(List.of("NET_ADMIN"), platform.app("web").orElseThrow().addedCapabilities());
    }

    @Test
    void aSidecarWithoutPortsNeedsProbesOrTheAppsNoProbesWeakening() {
        assertEquals(List.of("probe.missing apps[web].sidecar[shipper].liveness"),
                codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080)
                        .sidecar(container("shipper").image(IMAGE).resources(requests("50m", "32Mi"), limits("100m", "64Mi"))))));
        platformWith(RuleFixtures.appNamed("web").port(8080)
                .sidecar(container("shipper").image(IMAGE).resources(requests("50m", "32Mi"), limits("100m", "64Mi"))
                        .liveness(exec("/bin/alive")).readiness(exec("/bin/ready")))).build();
        // NO_PROBES is used by the sidecar's missing probes, and a sidecar's declared probe makes it unused.
        platformWith(RuleFixtures.appNamed("web").port(8080)
                .sidecar(container("shipper").image(IMAGE).resources(requests("50m", "32Mi"), limits("100m", "64Mi")))
                .weaken(Weakening.NO_PROBES, "the log shipper has no health endpoint; OPS-3")).build();
        assertEquals(List.of("weakening.unused apps[web].weakenings[NO_PROBES]"),
                codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080)
                        .sidecar(proxy().liveness(exec("/bin/alive")))
                        .weaken(Weakening.NO_PROBES, "the log shipper has no health endpoint; OPS-3"))));
    }

    @Test
    void callersMayNameASidecarsPortAndCalleesExposeIt() {
        Platform platform = platformWith(RuleFixtures.appNamed("web").port(8080).sidecar(proxy()),
                RuleFixtures.appNamed("client").port(8080).calls("web", 15001)).build();
        assertEquals(2, platform.apps().size());
        assertEquals(List.of("port.not-exposed apps[client].calls[web].ports"),
                codesAndPaths(platformWith(RuleFixtures.appNamed("web").port(8080).initContainer(migrate()),
                        RuleFixtures.appNamed("client").port(8080).calls("web", 15001))).stream()
                        .filter(v -> v.startsWith("port.")).toList());
    }

    @Test
    void aCompanionGetsOnlySecretsTheAppDeclares() {
        platformWith(RuleFixtures.appNamed("web").port(8080)
                .secret(sealed("db").ciphertext("password", SEALED).env("DB_PASSWORD", "password"))
                .initContainer(migrate().secrets("db"))).build();
        List<Violation> violations = violations(platformWith(RuleFixtures.appNamed("web").port(8080)
                .secret(sealed("db").ciphertext("password", SEALED).env("DB_PASSWORD", "password"))
                .initContainer(migrate().secrets("db", "cache"))));
        assertEquals(List.of("container.secret-unknown apps[web].initContainer[migrate].secrets[cache] 'cache'"),
                violations.stream().map(v -> v.code() + " " + v.path() + " '" + v.value() + "'").toList());
        assertTrue(violations.get(0).hint().contains("[db]"), violations.get(0).hint());
    }

    @Test
    void aScheduledJobsSidecarIsRefusedWhereNativeSidecarsAreOff() {
        Platform.Builder spec = platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc"))
                .environment(environment("legacy").cluster("https://legacy.example.com").nativeSidecars(false))
                .team(team("payments").owner("payments@example.com"))
                .app(scheduledJob("nightly", "0 2 * * *").team("payments").image(IMAGE)
                        .liveness(exec("/bin/true")).readiness(exec("/bin/true"))
                        .sidecar(proxy()));
        List<Violation> violations = violations(spec);
        assertEquals(List.of("sidecar.blocks-job-completion apps[nightly].sidecar[proxy] 'proxy'"),
                violations.stream().filter(v -> v.code() == ViolationCode.SIDECAR_BLOCKS_JOB_COMPLETION)
                        .map(v -> v.code() + " " + v.path() + " '" + v.value() + "'").toList());
        Violation blocked = violations.stream().filter(v -> v.code() == ViolationCode.SIDECAR_BLOCKS_JOB_COMPLETION)
                .findFirst().orElseThrow();
        assertTrue(blocked.rule().contains("environment legacy has no native sidecars"), blocked.rule());
        // The same job deployed only where native sidecars exist is fine; so is a Deployment with a sidecar on legacy.
        assertTrue(violations(spec.app(RuleFixtures.appNamed("web").port(8080).sidecar(proxy()))).stream()
                .noneMatch(v -> v.path().startsWith("apps[web]")));
    }

    @Test
    void aWorkersSidecarHasNoPortsBecauseNothingMayCallAWorker() {
        assertEquals(List.of("sidecar.ports-not-served apps[consumer].sidecar[proxy].ports[proxy]"),
                codesAndPaths(platformWith(GoldenPath.worker("consumer").team("payments").image(IMAGE)
                        .liveness(exec("/bin/alive")).readiness(exec("/bin/ready")).sidecar(proxy()))).stream()
                        .filter(v -> v.startsWith("sidecar.")).toList());
    }

    @Test
    void everyCompanionMistakeComesInOneExceptionWithTheOtherMistakes() {
        SpecException e = assertThrows(SpecException.class, platformWith(
                RuleFixtures.appNamed("web").port(8080).replicas(-1)
                        .sidecar(container("shipper").image(IMAGE).port("http", 9000))
                        .initContainer(migrate().port("debug", 9229).readiness(exec("/bin/ready"))))::build);
        List<ViolationCode> codes = e.violations().stream().map(Violation::code).toList();
        assertTrue(codes.containsAll(List.of(ViolationCode.WORKLOAD_REPLICAS_NEGATIVE, ViolationCode.PORT_NAME_DUPLICATE,
                ViolationCode.CONTAINER_RESOURCES_MISSING, ViolationCode.INIT_CONTAINER_PORTS,
                ViolationCode.INIT_CONTAINER_PROBE)), codes::toString);
        assertTrue(e.getMessage().contains("apps[web].sidecar[shipper].resources: 'none': every init container and "
                + "sidecar declares its requests and limits"), e.getMessage());
    }

    private static byte[] sealedShape() {
        byte[] bytes = new byte[2 + 256 + 16];
        bytes[0] = 1;
        return bytes;
    }
}
