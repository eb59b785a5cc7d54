package dev.goldenpath.generators.argocd;

import java.util.List;
import java.util.SortedSet;

/**
 * An AppProject's destinations on one cluster: each namespace by name while the list stays short enough to read, one
 * exact {@link Alternation} of them beyond ({@code app{1,2,3}-production}). Both forms allow exactly the namespaces
 * given; the second keeps a project of thousands of namespaces far below the object size limit.
 */
final class Destinations {

    /** Up to this many namespaces per cluster are listed one by one. */
    static final int LISTED = 16;

    private Destinations() {
    }

    /** The destinations that allow exactly these namespaces on this server. */
    static List<Application.Destination> of(String server, SortedSet<String> namespaces) {
        List<String> named = namespaces.stream().filter(n -> !n.isEmpty()).toList();
        if (named.size() <= LISTED) {
            return namespaces.stream().map(n -> Application.Destination.server(server, n)).toList();
        }
        // The empty namespace (a destination without one) stays its own entry: an alternative is never empty.
        List<Application.Destination> destinations = new java.util.ArrayList<>();
        if (named.size() < namespaces.size()) {
            destinations.add(Application.Destination.server(server, ""));
        }
        destinations.add(Application.Destination.server(server, Alternation.of(named)));
        return destinations;
    }
}
