package dev.goldenpath.generators.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    private static final Endpoint DNS = new Endpoint.Pods("dns", "kube-system", Map.of("k8s-app", "kube-dns"));
    private static final Endpoint GATEWAY = new Endpoint.App("production", "api-gateway");
    private static final Endpoint AUDIT = new Endpoint.App("production", "audit");
    private static final Endpoint FRONTEND = new Endpoint.App("production", "frontend");
    private static final Endpoint INGRESS = new Endpoint.Pods("ingress-controller", "ingress-nginx", Map.of());

    private static Edge edge(Endpoint from, Endpoint to, int port) {
        return new Edge(from, to, List.of(new Edge.PortProtocol(port, "TCP")));
    }

    @Test
    void removingAnAppRemovesItsLinesAndChangesNoOther() {
        List<Edge> with = List.of(edge(AUDIT, DNS, 53), edge(GATEWAY, AUDIT, 9000), edge(GATEWAY, FRONTEND, 8080),
                edge(GATEWAY, DNS, 53), edge(FRONTEND, DNS, 53), edge(INGRESS, GATEWAY, 8443));
        List<Edge> without = with.stream().filter(e -> !e.from().equals(AUDIT) && !e.to().equals(AUDIT)).toList();

        List<String> before = MermaidDiagram.markdown("production", with).lines().toList();
        List<String> after = MermaidDiagram.markdown("production", without).lines().toList();

        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        assertEquals(List.of(), added, "removing audit must not renumber or rewrite any other line");
        assertTrue(removed.stream().allMatch(l -> l.contains("audit")), String.join("\n", removed));
        assertTrue(after.contains("  app_production_api_gateway -->|\"TCP 8080\"| app_production_frontend"),
                String.join("\n", after));
    }

    @Test
    void idsAreMermaidSafeAndDistinctEvenWhenNamesSanitizeAlike() {
        Endpoint one = new Endpoint.App("a-b", "c");
        Endpoint two = new Endpoint.App("a", "b-c");
        Map<String, String> ids = MermaidDiagram.ids(List.of(edge(one, DNS, 53), edge(two, DNS, 53)));
        assertEquals(Set.of("app_a_b_c", "app_a_b_c_2", "dns_kube_system"), Set.copyOf(ids.values()));
        Pattern safe = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
        ids.values().forEach(id -> assertTrue(safe.matcher(id).matches(), id));
    }
}
