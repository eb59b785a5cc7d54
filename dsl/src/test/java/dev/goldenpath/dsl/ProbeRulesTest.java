package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.tcpSocket;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.appNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRulesTest {

    @Test
    void acceptsAnAppWithPortsAndNoDeclaredProbe() {
        // Such an app gets the default TCP probe on its first port.
        assertEquals(List.of(), violations(p -> new ProbeRules(p).app(app(a -> a), API)));
    }

    @Test
    void refusesAnAppWithoutPortsOrProbesUnlessItDeclaresNoProbes() {
        App worker = appNamed("api").build();
        assertEquals(List.of("apps[api].liveness"), paths(p -> new ProbeRules(p).app(worker, API)));
        App declared = appNamed("api").weaken(Weakening.NO_PROBES, "a batch worker that exits when it is done").build();
        assertEquals(List.of(), violations(p -> new ProbeRules(p).app(declared, API)));
    }

    @Test
    void refusesNoProbesWhenTheAppDeclaresProbes() {
        App app = app(a -> a.startup(exec("/bin/started")).weaken(Weakening.NO_PROBES, "left over from an old version"));
        assertEquals(List.of("apps[api].weakenings[NO_PROBES]"), paths(p -> new ProbeRules(p).app(app, API)));
    }

    @Test
    void checksWhatEachProbeChecksAtItsOwnPath() {
        App app = app(a -> a.liveness(httpGet("healthz", "admin")).readiness(exec("check", "")).startup(tcpSocket("metrics")));
        assertEquals(List.of(
                "apps[api].liveness.path: 'healthz': an HTTP probe path starts with '/' (fix: use e.g. '/healthz')",
                "apps[api].liveness.port: 'admin': the probe refers to a port the app does not declare (fix: use one of [http])",
                "apps[api].readiness.command: '[check, ]': an exec probe needs a command without blank words (fix: use "
                        + "e.g. exec(\"/bin/healthcheck\"))",
                "apps[api].startup.port: 'metrics': the probe refers to a port the app does not declare (fix: use one of [http])"),
                violations(p -> new ProbeRules(p).app(app, API)));
    }

    @Test
    void refusesANetworkProbeOfAnAppWithoutPorts() {
        App app = appNamed("api").readiness(httpGet("/ready")).build();
        assertEquals(List.of("apps[api].readiness.port: 'first port': the probe checks the first port, but the app has "
                        + "none (fix: declare .port(...) or use an exec probe)"),
                violations(p -> new ProbeRules(p).app(app, API)));
    }

    @Test
    void refusesTimingsTheKubeletRejects() {
        App app = app(a -> a.liveness(httpGet("/healthz").initialDelaySeconds(-1))
                .readiness(httpGet("/ready").failureThreshold(0)));
        assertEquals(List.of(
                "apps[api].liveness: '-1/10/1/3': period, timeout and failure threshold must be at least 1, the initial "
                        + "delay at least 0 (fix: use positive timings)",
                "apps[api].readiness: '0/10/1/0': period, timeout and failure threshold must be at least 1, the initial "
                        + "delay at least 0 (fix: use positive timings)"),
                violations(p -> new ProbeRules(p).app(app, API)));
    }
}
