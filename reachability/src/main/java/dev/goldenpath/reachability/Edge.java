package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import java.util.Objects;

/**
 * One allowed connection: {@code source} may open a connection to {@code destination} on
 * {@code port}/{@code protocol}. Endpoints are named by {@link Endpoint#id()}, so an expected graph is
 * easy to write by hand and compare with {@link Reachability#allowedEdges()}.
 *
 * <pre>{@code
 * assertEquals(Set.of(new Edge("web/frontend", "web/api", 8080, Protocol.TCP)), reachability.allowedEdges());
 * }</pre>
 */
public record Edge(String source, String destination, int port, Protocol protocol) implements Comparable<Edge> {

    public Edge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Ordered by source, destination, port, protocol. */
    @Override
    public int compareTo(Edge other) {
        // Written out: a proof sorts hundreds of thousands of edges, and a comparator chain calls four lambdas each time.
        int order = source.compareTo(other.source);
        if (order == 0) {
            order = destination.compareTo(other.destination);
        }
        if (order == 0) {
            order = Integer.compare(port, other.port);
        }
        return order != 0 ? order : protocol.compareTo(other.protocol);
    }

    /** {@code web/frontend -> web/api 8080/TCP}. */
    @Override
    public String toString() {
        return source + " -> " + destination + " " + port + "/" + protocol;
    }
}
