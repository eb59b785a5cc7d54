package dev.goldenpath.generators.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.NetworkVerification;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.reachability.Endpoint;
import dev.goldenpath.reachability.Pod;
import dev.goldenpath.reachability.Reachability;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.Protocol;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gateway's (or ingress controller's) way in is derived from the exposure: the emitted NetworkPolicies, evaluated
 * by Kubernetes semantics, let exactly those pods reach exactly the routes' ports, and the allowed graph equals the
 * declared graph with the gateway edge in it.
 */
class ExposureNetworkTest {

    private static final Platform PLATFORM = ExposurePlatforms.acme();
    private static final RenderedTree TREE = Renderer.secureByDefault().render(PLATFORM).tree();
    private static final Map<String, String> GATEWAY_PODS = Map.of("gateway.networking.k8s.io/gateway-name", "public");
    private static final Map<String, String> CONTROLLER_PODS = Map.of("app.kubernetes.io/name", "ingress-nginx");

    /** The environment's emitted NetworkPolicies, read back from the YAML, with these pods placed. */
    private static Reachability cluster(String environment, Pod... pods) {
        Reachability.Builder cluster = Reachability.builder();
        Set<String> namespaces = new TreeSet<>(Set.of("gateways", "ingress-nginx", "web-" + environment, "api-" + environment));
        namespaces.forEach(cluster::namespace);
        for (String path : TREE.paths()) {
            boolean ours = path.startsWith("apps/" + environment + "/") || path.startsWith("platform/" + environment + "/namespaces/");
            if (ours && path.contains("networkpolicy")) {
                cluster.policy(Yaml.read(TREE.bytes(path).orElseThrow(), NetworkPolicy.class));
            }
        }
        for (Pod pod : pods) {
            cluster.pod(pod);
        }
        return cluster.build();
    }

    private static Pod app(String namespace, String name) {
        return Endpoint.pod(namespace, name, Map.of("app.kubernetes.io/name", name));
    }

    @Test
    void theGatewaysPodsReachExactlyThePortsTheRoutesUse() {
        Pod gateway = Endpoint.pod("gateways", "gateway", GATEWAY_PODS);
        Pod neighbour = Endpoint.pod("gateways", "neighbour", Map.of("app", "other"));
        Pod controller = Endpoint.pod("ingress-nginx", "controller", CONTROLLER_PODS);
        Pod frontend = app("web-production", "frontend");
        Pod orders = app("api-production", "orders");
        Pod ledger = app("api-production", "ledger");
        Reachability production = cluster("production", gateway, neighbour, controller, frontend, orders, ledger);

        assertTrue(production.allows(gateway, frontend, 8080, Protocol.TCP));
        assertTrue(production.allows(gateway, frontend, 9000, Protocol.TCP));
        assertTrue(production.allows(gateway, orders, 8443, Protocol.TCP));
        // A port no route reaches, an app that is not exposed, UDP.
        assertFalse(production.allows(gateway, frontend, 9090, Protocol.TCP));
        assertFalse(production.allows(gateway, ledger, 5432, Protocol.TCP));
        assertFalse(production.allows(gateway, frontend, 8080, Protocol.UDP));
        // Other pods of the gateway's namespace, and the ingress controller of an environment that uses a Gateway.
        assertFalse(production.allows(neighbour, frontend, 8080, Protocol.TCP));
        assertFalse(production.allows(controller, frontend, 8080, Protocol.TCP));
        // Nothing the other way round.
        assertFalse(production.allows(frontend, gateway, 8080, Protocol.TCP));
    }

    @Test
    void anIngressClassEnvironmentLetsTheIngressControllerInInstead() {
        Pod gateway = Endpoint.pod("gateways", "gateway", GATEWAY_PODS);
        Pod controller = Endpoint.pod("ingress-nginx", "controller", CONTROLLER_PODS);
        Pod frontend = app("web-staging", "frontend");
        Reachability staging = cluster("staging", gateway, controller, frontend);
        assertTrue(staging.allows(controller, frontend, 8080, Protocol.TCP));
        assertTrue(staging.allows(controller, frontend, 9000, Protocol.TCP));
        assertFalse(staging.allows(controller, frontend, 9090, Protocol.TCP));
        assertFalse(staging.allows(gateway, frontend, 8080, Protocol.TCP));
    }

    @Test
    void theAllowedGraphEqualsTheDeclaredGraphGatewayEdgeIncluded() {
        Manifests manifests = Renderer.secureByDefault().generate(PLATFORM);
        for (Environment environment : PLATFORM.environments()) {
            NetworkVerification.Result result = NetworkVerification.check(manifests, environment);
            assertTrue(result.exact(), result::toString);
        }
        NetworkVerification.Result production = NetworkVerification.check(manifests, PLATFORM.environment("production").orElseThrow());
        Set<Edge> gatewayEdges = new TreeSet<>();
        production.allowed().stream().filter(e -> e.source().equals("gateways/gateway")).forEach(gatewayEdges::add);
        assertEquals(Set.of(new Edge("gateways/gateway", "web-production/frontend", 8080, Protocol.TCP),
                        new Edge("gateways/gateway", "web-production/frontend", 9000, Protocol.TCP),
                        new Edge("gateways/gateway", "api-production/orders", 8443, Protocol.TCP)),
                gatewayEdges);
        assertTrue(production.declared().containsAll(gatewayEdges));
        NetworkVerification.Result staging = NetworkVerification.check(manifests, PLATFORM.environment("staging").orElseThrow());
        assertTrue(staging.allowed().contains(
                new Edge("ingress-nginx/ingress-controller", "web-staging/frontend", 9000, Protocol.TCP)), staging::toString);
    }

    @Test
    void theDiagramShowsTheGatewayEdge() {
        String diagram = TREE.text("docs/network/production.md").orElseThrow();
        assertTrue(diagram.contains("| gateway:gateways | app:web-production/frontend | TCP 8080, TCP 9000 |"), diagram);
        assertTrue(diagram.contains("| gateway:gateways | app:api-production/orders | TCP 8443 |"), diagram);
    }
}
