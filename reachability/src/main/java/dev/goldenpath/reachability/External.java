package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An address outside the cluster: an upstream API, a database, a client on the internet. It is only
 * ever matched by ipBlock peers; NetworkPolicies do not govern its own side of a connection.
 *
 * <pre>{@code
 * External payments = Endpoint.external("203.0.113.7").named("payments-provider").port(443, Protocol.TCP);
 * }</pre>
 *
 * @param name  the endpoint's id in edges and verdicts; the IP unless {@link #named} changes it
 * @param ip    an IPv4 or IPv6 address
 * @param ports the ports it listens on, for the egress edges of {@link Reachability#allowedEdges()}
 */
public record External(String name, String ip, List<Port> ports) implements Endpoint {

    public External {
        Objects.requireNonNull(ip, "ip");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("external endpoint " + ip + " needs a non-blank name");
        }
        if (IpAddress.parse(ip).isEmpty()) {
            throw new IllegalArgumentException("external endpoint '" + name + "': '" + ip
                    + "' is not an IPv4 or IPv6 address");
        }
        ports = List.copyOf(ports);
    }

    /** Its name. */
    @Override
    public String id() {
        return name;
    }

    @Override
    public List<String> ips() {
        return List.of(ip);
    }

    /** The same endpoint under another name. */
    public External named(String newName) {
        return new External(newName, ip, ports);
    }

    /** The same endpoint listening on one more port. */
    public External port(int number, Protocol protocol) {
        List<Port> more = new ArrayList<>(ports);
        more.add(Port.of(number, protocol));
        return new External(name, ip, more);
    }

    @Override
    public String toString() {
        return name.equals(ip) ? ip : name + "(" + ip + ")";
    }
}
