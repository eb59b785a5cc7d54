package dev.goldenpath.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goldenpath.vocabulary.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edges order by source, then destination, then port, then protocol, consistently with equals. */
class EdgeOrderTest {

    private static final Comparator<Edge> BY_FIELDS = Comparator.comparing(Edge::source)
            .thenComparing(Edge::destination)
            .thenComparingInt(Edge::port)
            .thenComparing(Edge::protocol);

    @Test
    void ordersByEachFieldInTurn() {
        Random random = new Random(42);
        List<String> names = List.of("a/web", "a/api", "b/web", "external/dns", "a/web-2");
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            edges.add(new Edge(names.get(random.nextInt(names.size())), names.get(random.nextInt(names.size())),
                    random.nextInt(3) * 1000 + 53, Protocol.values()[random.nextInt(Protocol.values().length)]));
        }
        for (Edge one : edges) {
            for (Edge other : edges) {
                assertEquals(Integer.signum(BY_FIELDS.compare(one, other)), Integer.signum(one.compareTo(other)),
                        one + " against " + other);
                assertEquals(one.equals(other), one.compareTo(other) == 0, one + " against " + other);
            }
        }
    }
}
