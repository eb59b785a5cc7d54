package dev.goldenpath.generators.baseline;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster baseline sees every container of an app's pod: runtime detection and the registries the scan reaches. */
class CompanionBaselineTest {

    private static Platform webWithCompanions() {
        return platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("web").owner("web@example.com"))
                .app(app("web").team("web").image("registry.example.com/web/web:1.0.0").port(8080)
                        .runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/web").protect("/etc", "/usr"))
                        .sidecar(container("shipper").image("mirror.example.com:5000/ops/shipper:2.0.1")
                                .resources(requests("20m", "16Mi"), limits("50m", "32Mi"))
                                .liveness(exec("/usr/bin/shipper-health")).readiness(exec("/usr/bin/shipper-ready"))
                                .writablePath("/etc/shipper/state"))
                        .initContainer(container("render").image("registry.example.com/web/render:1.0.0")
                                .resources(requests("20m", "16Mi"), limits("50m", "32Mi"))))
                .build();
    }

    @Test
    void theExecProbesOfSidecarsAreAllowedProcessesOfTheAppsProfile() {
        assertEquals(List.of("/usr/bin/shipper-health", "/usr/bin/shipper-ready", "/usr/local/bin/web"),
                FalcoRules.allowedProcesses(webWithCompanions().app("web").orElseThrow()));
    }

    @Test
    void aCompanionsWritablePathIsWhereTheProfileExpectsWrites() {
        AppInstance web = webWithCompanions().instances().get(0);
        assertFalse(FalcoRules.onDefaultProfile(web));
        String rules = FalcoRules.render(List.of(web));
        // The rules file is YAML: the condition's quotes are escaped.
        assertTrue(rules.contains("and not (fd.name startswith \\\"/etc/shipper/state/\\\")"), rules);
    }

    @Test
    void theScanMayReachTheRegistryPortOfASidecarsImage() {
        Platform platform = webWithCompanions();
        assertTrue(TrivyScan.registryPorts(platform, platform.instances()).contains(5000));
    }
}
