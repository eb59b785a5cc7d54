package dev.goldenpath.generators.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The allowed graph of one environment as a Mermaid flowchart, committed with the tree so that reviewers see
 * who may talk to whom: one subgraph per namespace, one arrow per edge, labelled with its ports.
 */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    /** A Markdown page holding the flowchart and a table of the same edges. */
    public static String markdown(String environment, List<Edge> edges) {
        Map<String, String> ids = new TreeMap<>();
        Map<String, TreeSet<String>> namespaces = new TreeMap<>();
        List<String> others = new ArrayList<>();
        for (Edge edge : edges) {
            for (Endpoint endpoint : List.of(edge.from(), edge.to())) {
                if (ids.containsKey(endpoint.key())) {
                    continue;
                }
                ids.put(endpoint.key(), "n" + ids.size());
                if (endpoint instanceof Endpoint.App app) {
                    namespaces.computeIfAbsent(app.namespace(), n -> new TreeSet<>()).add(endpoint.key());
                } else {
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

    private static String ports(Edge edge) {
        if (edge.ports().isEmpty()) {
            return "all ports";
        }
        List<String> ports = new ArrayList<>();
        edge.ports().forEach(p -> ports.add(p.toString()));
        return String.join(", ", ports);
    }
}
