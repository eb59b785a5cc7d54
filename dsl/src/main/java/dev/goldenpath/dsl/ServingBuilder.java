package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of workloads others call: ports, the declared callers and the routes from outside the cluster
 * (services and stateful services).
 *
 * @param <B> the builder's own type
 */
public abstract sealed class ServingBuilder<B extends ServingBuilder<B>> extends ReplicatedBuilder<B>
        permits App.Builder, StatefulServiceBuilder {
    private final List<Route> routes = new ArrayList<>();

    ServingBuilder(String name) {
        super(name);
    }

    @Override
    Exposure exposure() {
        return new Exposure(routes);
    }

    /** A TCP port named {@code http} (the first one) or {@code port-<number>}. */
    public B port(int number) {
        container.port(number);
        return self();
    }

    /** A named TCP port. */
    public B port(String portName, int number) {
        return port(new Port(portName, number, Protocol.TCP, 0));
    }

    /** A port as built by {@code GoldenPath.port(..)}. */
    public B port(Port port) {
        container.port(port);
        return self();
    }

    /** Another app of the platform may call this one on these of its ports. */
    public B calledBy(String app, int port, int... morePorts) {
        callers.add(new Caller.App(app, Copies.ports(port, morePorts)));
        return self();
    }

    /** Another app of the platform may call this one on every port. */
    public B calledBy(String app, AllPorts allPorts) {
        callers.add(allPorts == null ? null : new Caller.App(app, List.of()));
        return self();
    }

    /** Every pod of this namespace may call the app on these ports. */
    public B calledByNamespace(String namespace, int port, int... morePorts) {
        callers.add(new Caller.Namespace(namespace, Copies.ports(port, morePorts)));
        return self();
    }

    /** Every pod of this namespace may call the app on every port. */
    public B calledByNamespace(String namespace, AllPorts allPorts) {
        callers.add(allPorts == null ? null : new Caller.Namespace(namespace, List.of()));
        return self();
    }

    /** The platform's ingress controller may call the app on these ports. */
    public B calledByIngressController(int port, int... morePorts) {
        callers.add(new Caller.IngressController(Copies.ports(port, morePorts)));
        return self();
    }

    /** The platform's ingress controller may call the app on every port. */
    public B calledByIngressController(AllPorts allPorts) {
        callers.add(allPorts == null ? null : new Caller.IngressController(List.of()));
        return self();
    }

    /**
     * Serves these path prefixes of this host from outside the cluster, over HTTPS only, on the first port: an
     * HTTPRoute on the environment's Gateway or an Ingress, and the NetworkPolicy ingress from the gateway's pods on
     * exactly that port. Without path prefixes, the whole host ({@code /}).
     */
    public B expose(String host, String... pathPrefixes) {
        routes.add(new Route(host, prefixes(pathPrefixes), Optional.empty()));
        return self();
    }

    /** Like {@link #expose(String, String...)}, to the named port. */
    public B exposePort(String portName, String host, String... pathPrefixes) {
        routes.add(new Route(host, prefixes(pathPrefixes), Copies.optional(portName)));
        return self();
    }

    private static List<String> prefixes(String... pathPrefixes) {
        return pathPrefixes != null && pathPrefixes.length == 0 ? List.of("/") : Copies.list(pathPrefixes);
    }
}
