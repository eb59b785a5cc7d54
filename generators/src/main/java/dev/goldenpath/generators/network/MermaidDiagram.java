package dev.goldenpath.generators.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The allowed graph of one environment as a Mermaid flowchart, committed with the tree so that reviewers see
 * who may talk to whom: one subgraph per namespace, one arrow per edge, labelled with its ports.
 */
public final class MermaidDiagram {

    /** What a Mermaid id cannot hold, and the underscores that would then start or end one (compiled once). */
    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    private MermaidDiagram() {
    }

    /** A Markdown page holding the flowchart and a table of the same edges. */
    public static String markdown(String environment, List<Edge> edges) {
        Map<String, String> ids = ids(edges);
        Map<String, TreeSet<String>> namespaces = new TreeMap<>();
        List<String> others = new ArrayList<>();
        for (Edge edge : edges) {
            for (Endpoint endpoint : List.of(edge.from(), edge.to())) {
                if (endpoint instanceof Endpoint.App app) {
                    namespaces.computeIfAbsent(app.namespace(), n -> new TreeSet<>()).add(endpoint.key());
                } else if (!others.contains(endpoint.key())) {
                    others.add(endpoint.key());
                }
            }
        }
        StringBuilder md = new StringBuilder("# Network: ").append(environment).append("\n\n")
                .append("Every connection the NetworkPolicies of this environment allow; everything else is denied.\n\n")
                .append("```mermaid\nflowchart LR\n");
        namespaces.forEach((namespace, keys) -> {
            md.append("  subgraph ns_").append(namespace.replace('-', '_')).append("[\"namespace ").append(namespace).append("\"]\n");
            for (String key : keys) {
                md.append("    ").append(ids.get(key)).append("[\"").append(key.substring(key.indexOf('/') + 1)).append("\"]\n");
            }
            md.append("  end\n");
        });
        for (String key : others) {
            md.append("  ").append(ids.get(key)).append("([\"").append(key).append("\"])\n");
        }
        for (Edge edge : edges) {
            md.append("  ").append(ids.get(edge.from().key())).append(" -->|\"").append(ports(edge)).append("\"| ")
                    .append(ids.get(edge.to().key())).append("\n");
        }
        md.append("```\n\n| from | to | ports |\n|---|---|---|\n");
        for (Edge edge : edges) {
            md.append("| ").append(edge.from().key()).append(" | ").append(edge.to().key()).append(" | ")
                    .append(ports(edge)).append(" |\n");
        }
        return md.toString();
    }

    /**
     * Node ids made from the endpoints' keys ({@code app:production/api-gateway} becomes
     * {@code app_production_api_gateway}), never from positions: removing an app leaves every other line of the
     * diagram unchanged, so a pull request's diff shows only what changed. Mermaid ids are letters, digits and
     * {@code _} ({@code -} would read as part of an arrow). Two keys that map to one id (a rare clash, e.g.
     * {@code a-b/c} and {@code a/b-c}) are told apart by a suffix in key order, which involves only the clashing keys.
     */
    static Map<String, String> ids(List<Edge> edges) {
        TreeSet<String> keys = new TreeSet<>();
        edges.forEach(e -> {
            keys.add(e.from().key());
            keys.add(e.to().key());
        });
        Map<String, String> ids = new TreeMap<>();
        Map<String, Integer> taken = new TreeMap<>();
        for (String key : keys) {
            String id = EDGE_UNDERSCORES.matcher(NOT_ID.matcher(key).replaceAll("_")).replaceAll("");
            int n = taken.merge(id, 1, Integer::sum);
            ids.put(key, n == 1 ? id : id + "_" + n);
        }
        return ids;
    }

    private static String ports(Edge edge) {
        if (edge.ports().isEmpty()) {
            return "all ports";
        }
        List<String> ports = new ArrayList<>();
        edge.ports().forEach(p -> ports.add(p.toString()));
        return String.join(", ", ports);
    }
}
