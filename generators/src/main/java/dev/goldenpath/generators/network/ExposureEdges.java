package dev.goldenpath.generators.network;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The edge an exposure implies: from the pods that terminate TLS for the environment (the Gateway's, or the ingress
 * controller's) to the exposed app, on exactly the ports its routes reach. The same declaration renders the routes, so
 * the NetworkPolicy never lets the gateway in on a port no route uses, and never misses one that a route does.
 */
public final class ExposureEdges {

    /** The role of the Gateway's pods in the graph (the ingress controller's is {@code ingress-controller}). */
    public static final String GATEWAY = "gateway";
    /** The role of the platform's ingress controller pods in the graph. */
    public static final String INGRESS_CONTROLLER = "ingress-controller";

    private ExposureEdges() {
    }

    /** The pods external traffic enters the environment through, when it declares a Gateway or an ingress class. */
    public static Optional<Endpoint> entrance(Platform platform, Environment environment) {
        if (environment.gateway().isPresent()) {
            var pods = environment.gateway().get().pods();
            return Optional.of(new Endpoint.Pods(GATEWAY, pods.namespace(), pods.podLabels()));
        }
        if (environment.ingressClass().isPresent()) {
            var controller = platform.network().ingressController();
            return Optional.of(new Endpoint.Pods(INGRESS_CONTROLLER, controller.namespace(), controller.podLabels()));
        }
        return Optional.empty();
    }

    /** The app ports its routes reach, each once, sorted. */
    public static List<Edge.PortProtocol> ports(App app) {
        TreeSet<Edge.PortProtocol> ports = new TreeSet<>();
        for (Route route : app.exposure().routes()) {
            route.backendPort(app.container().ports()).map(ExposureEdges::portProtocol).ifPresent(ports::add);
        }
        return new ArrayList<>(ports);
    }

    private static Edge.PortProtocol portProtocol(Port port) {
        return new Edge.PortProtocol(port.number(), port.protocol().name());
    }
}
