package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pod as NetworkPolicies see it: its namespace, its labels, its IPs (for ipBlock peers) and its
 * container ports (for named ports and for the edges {@link Reachability#allowedEdges()} lists).
 * Immutable; {@link #ip} and {@link #port} return changed copies.
 *
 * <pre>{@code
 * Pod api = Endpoint.pod("production", "api", Map.of("app.kubernetes.io/name", "api"))
 *     .ip("10.0.1.7")
 *     .port("http", 8080, Protocol.TCP);
 * }</pre>
 *
 * @param namespace the namespace the pod runs in; a Reachability must declare it
 * @param name      the pod's name, unique within its namespace
 * @param labels    the pod's labels, matched by podSelectors (kept in key order)
 * @param ips       the pod's IPs (IPv4 and/or IPv6), possibly none
 * @param ports     the pod's container ports; names are unique within the pod
 */
public record Pod(String namespace, String name, Map<String, String> labels, List<String> ips,
                  List<Port> ports) implements Endpoint {

    public Pod {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("pod '" + name + "' needs a namespace");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pod in namespace '" + namespace + "' needs a name");
        }
        labels = sorted(labels);
        ips = List.copyOf(ips);
        ports = List.copyOf(ports);
        for (String ip : ips) {
            if (IpAddress.parse(ip).isEmpty()) {
                throw new IllegalArgumentException("pod " + namespace + "/" + name + ": '" + ip
                        + "' is not an IPv4 or IPv6 address");
            }
        }
        Set<String> names = new HashSet<>();
        for (Port port : ports) {
            // Kubernetes: "Each named port in a pod must have a unique name" (ContainerPort.name).
            if (port.isNamed() && !names.add(port.name())) {
                throw new IllegalArgumentException("pod " + namespace + "/" + name + " declares port name '"
                        + port.name() + "' twice");
            }
        }
    }

    /** Labels in key order, so that toString and everything derived from it is deterministic. */
    static Map<String, String> sorted(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
    @Override
    public boolean equals(Object other) {
        return other instanceof Pod that && Objects.equals(namespace, that.namespace) && Objects.equals(name, that.name)
                && Objects.equals(labels, that.labels) && Objects.equals(ips, that.ips) && Objects.equals(ports, that.ports);
    }

    @Override
    public int hashCode() {
        return (((Objects.hashCode(namespace) * 31 + Objects.hashCode(name)) * 31 + Objects.hashCode(labels)) * 31
                + Objects.hashCode(ips)) * 31 + Objects.hashCode(ports);
    }

    /** {@code namespace/name}. */
    @Override
    public String id() {
        return namespace + "/" + name;
    }

    /** The same pod with one more IP. */
    public Pod ip(String ip) {
        List<String> more = new ArrayList<>(ips);
        more.add(ip);
        return new Pod(namespace, name, labels, more, ports);
    }

    /** The same pod with one more named container port. */
    public Pod port(String portName, int number, Protocol protocol) {
        return port(Port.named(portName, number, protocol));
    }

    /** The same pod with one more unnamed container port. */
    public Pod port(int number, Protocol protocol) {
        return port(Port.of(number, protocol));
    }

    /** The same pod with one more container port. */
    public Pod port(Port port) {
        List<Port> more = new ArrayList<>(ports);
        more.add(port);
        return new Pod(namespace, name, labels, ips, more);
    }

    @Override
    public String toString() {
        return id() + labels;
    }
}
