package dev.goldenpath.generators.network;

import java.util.List;
import java.util.Objects;

/**
 * A declared connection: {@code from} may open connections to {@code to} on these ports.
 *
 * @param from  the client
 * @param to    the server
 * @param ports the allowed ports; empty means every port
 */
public record Edge(Endpoint from, Endpoint to, List<PortProtocol> ports) {

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ports = List.copyOf(ports);
    }

    /** A port number and its protocol. */
    public record PortProtocol(int port, String protocol) implements Comparable<PortProtocol> {
        @Override
        public int compareTo(PortProtocol other) {
            int byPort = Integer.compare(port, other.port);
            return byPort != 0 ? byPort : protocol.compareTo(other.protocol);
        }

        @Override
        public String toString() {
            return protocol + " " + port;
        }
    }
}
