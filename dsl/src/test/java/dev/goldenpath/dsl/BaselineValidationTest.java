package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cosignKey;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineValidationTest {

    private static Platform.Builder spec(Baseline.Builder settings, RuntimeProfile profile) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("staging").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .environment(environment("production").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("web").owner("web@example.com"))
                .app(app("api").team("web").image("registry.example.com/api:1.0").port(8080).runtimeProfile(profile))
                .baseline(settings);
    }

    @Test
    void defaultsToEveryComponentAuditingOutsideProduction() {
        Platform platform = spec(baseline(), runtimeProfile()).build();
        Baseline baseline = platform.baseline();
        assertEquals(Baseline.AdmissionMode.AUDIT, baseline.mode(platform.environment("staging").orElseThrow()));
        assertEquals(Baseline.AdmissionMode.ENFORCE, baseline.mode(platform.environment("production").orElseThrow()));
        assertEquals(List.of(true, true, true, true), List.of(baseline.gatekeeper(), baseline.kyverno(),
                baseline.falco().enabled(), baseline.trivy().enabled()));
        assertFalse(baseline.imageSignatures().isPresent());
        assertEquals(RuntimeProfile.DEFAULT, platform.app("api").orElseThrow().runtimeProfile());
        assertEquals(List.of("/etc"), RuntimeProfile.DEFAULT.protectedPaths());
    }

    @Test
    void reportsEveryBaselineProblemAtOnce() {
        SpecException problems = assertThrows(SpecException.class, () -> spec(baseline()
                        .enforceIn("qa")
                        .signedImages(keyless("http://issuer", " ", "Registry.Example.com/**"))
                        .falcoImage("falcosecurity/falco:latest")
                        .falcoOn(Map.of("bad key!", "x"))
                        .trivySchedule("daily")
                        .meshRootNamespace("Istio"),
                runtimeProfile().allowProcesses("a-process-name-too-long", "/usr/bin/../sh", "ok").protect("etc", "/var/")
                        .allowShells("why"))
                .build());
        List<String> paths = problems.violations().stream().map(Violation::path).toList();
        assertEquals(List.of(
                "baseline.admission[qa]", "baseline.meshRootNamespace", "baseline.imageSignatures.registries",
                "baseline.imageSignatures.issuer", "baseline.imageSignatures.subject", "baseline.falco.image",
                "baseline.falco.nodeSelector[bad key!]", "baseline.trivy.schedule",
                "apps[api].runtimeProfile.allowedProcesses", "apps[api].runtimeProfile.allowedProcesses",
                "apps[api].runtimeProfile.protectedPaths", "apps[api].runtimeProfile.protectedPaths",
                "apps[api].runtimeProfile.shellReason"), paths);
    }

    @Test
    void theScanNeedsEveryEnvironmentsApiServerUnlessItIsLeftOut() {
        // Trivy lists what runs through the API: its egress needs the server's endpoints, in every environment.
        Platform.Builder spec = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("staging").cluster("https://kubernetes.default.svc"))
                .environment(environment("production").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("web").owner("web@example.com"))
                .app(app("api").team("web").image("registry.example.com/api:1.0").port(8080));
        List<Violation> violations = assertThrows(SpecException.class, spec::build).violations();
        assertEquals(1, violations.size(), violations::toString);
        Violation violation = violations.get(0);
        assertEquals("environments[staging].apiServer", violation.path());
        assertEquals("(none)", violation.value());
        assertTrue(violation.rule().contains("Trivy scan lists the workloads that run through the Kubernetes API"), violation::rule);
        assertEquals("declare environment(\"staging\").apiServer(6443, \"<endpoint CIDR>\"), "
                + "or leave the scan out with baseline().withoutTrivy()", violation.hint());
        // Leaving the scan out is the other fix; declaring the address is what the other tests' specs do.
        spec.baseline(baseline().withoutTrivy()).build();
    }

    @Test
    void neverShowsTheKeyInReports() {
        SpecException problems = assertThrows(SpecException.class,
                () -> spec(baseline().signedImages(cosignKey("not a pem secret-ish text")), runtimeProfile()).build());
        assertFalse(problems.getMessage().contains("secret-ish"));
        assertEquals("<key>", problems.violations().get(0).value());
    }
}
