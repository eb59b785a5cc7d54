package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.udpPort;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortRulesTest {

    @Test
    void acceptsTheSameNumberOverTcpAndUdp() {
        App dns = app(a -> a.port(port("dns-tcp", 53)).port(udpPort("dns-udp", 53)));
        assertEquals(List.of(), violations(p -> new PortRules(p).app(dns, API)));
    }

    @Test
    void refusesDuplicateNamesAndNumbersAtThePortsPath() {
        App app = app(a -> a.port(port("http", 9090)).port(port("admin", 8080)));
        assertEquals(List.of("apps[api].ports[http].name", "apps[api].ports[admin].number"),
                paths(p -> new PortRules(p).app(app, API)));
    }

    @Test
    void refusesNumbersAndNamesKubernetesRejects() {
        App app = app(a -> a.port(port("Admin_Port", 0)).port(port("metrics", 65536)));
        assertEquals(List.of(
                "apps[api].ports[Admin_Port].name", "apps[api].ports[Admin_Port].number", "apps[api].ports[metrics].number"),
                paths(p -> new PortRules(p).app(app, API)));
    }

    @Test
    void allowsAHostPortOnlyWithTheWeakening() {
        App undeclared = app(a -> a.port(port("node", 9100).onHostPort(9100)));
        assertEquals(List.of("apps[api].ports[node].hostPort: '9100': host ports bypass network policies and pin pods to "
                        + "nodes (PSS baseline: HostPorts) (fix: expose the app through its Service instead, or declare "
                        + ".weaken(HOST_PORTS, \"<reason>\"))"),
                violations(p -> new PortRules(p).app(undeclared, API)));
        App declared = app(a -> a.port(port("node", 9100).onHostPort(9100))
                .weaken(Weakening.HOST_PORTS, "node exporter reads the host's metrics"));
        assertEquals(List.of(), violations(p -> new PortRules(p).app(declared, API)));
        App outOfRange = app(a -> a.port(port("node", 9100).onHostPort(70000))
                .weaken(Weakening.HOST_PORTS, "node exporter reads the host's metrics"));
        assertEquals(List.of("apps[api].ports[node].hostPort"), paths(p -> new PortRules(p).app(outOfRange, API)));
    }
}
