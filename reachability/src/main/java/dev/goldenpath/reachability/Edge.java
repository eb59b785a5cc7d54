package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import java.util.Comparator;
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

    private static final Comparator<Edge> ORDER = Comparator.comparing(Edge::source)
            .thenComparing(Edge::destination)
            .thenComparingInt(Edge::port)
            .thenComparing(Edge::protocol);

    public Edge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Ordered by source, destination, port, protocol. */
    @Override
    public int compareTo(Edge other) {
        return ORDER.compare(this, other);
    }

    /** {@code web/frontend -> web/api 8080/TCP}. */
    @Override
    public String toString() {
        return source + " -> " + destination + " " + port + "/" + protocol;
    }
}
