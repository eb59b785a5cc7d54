package dev.goldenpath.reachability;

import static dev.goldenpath.vocabulary.Protocol.TCP;
import static dev.goldenpath.vocabulary.Protocol.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The whole allowed graph, over every pair of endpoints and each destination's declared ports. */
class AllowedEdgesTest {

    /** A typical zero-trust namespace: default deny both ways, DNS, then exactly the declared calls. */
    private static final String ZERO_TRUST = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: web}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: data}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: frontend, namespace: web}
            spec:
              podSelector: {matchLabels: {app: frontend}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
                ports: [{port: 8443}]
              egress:
              - to: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: http}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: web}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: frontend}}}]
                ports: [{port: http}]
              egress:
              - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
                  podSelector: {matchLabels: {app: db}}
                ports: [{port: 5432}]
              - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ports: [{port: 443}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: data}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}
                  podSelector: {matchLabels: {app: api}}
                ports: [{port: postgres}]
            """;

    private static Reachability zeroTrust() {
        return Reachability.builder()
                .namespace("web")
                .namespace("data")
                .pod(Endpoint.pod("web", "frontend", Map.of("app", "frontend")).ip("10.0.0.5").port("https", 8443, TCP))
                .pod(Endpoint.pod("web", "api", Map.of("app", "api")).ip("10.0.0.6").port("http", 8080, TCP)
                        .port("metrics", 9090, TCP))
                .pod(Endpoint.pod("data", "db", Map.of("app", "db")).ip("10.0.1.7").port("postgres", 5432, TCP)
                        .port(53, UDP))
                .external(Endpoint.external("203.0.113.7").named("payments").port(443, TCP))
                .external(Endpoint.external("198.51.100.1").named("browser"))
                .policies(Fixtures.policies(ZERO_TRUST))
                .build();
    }

    @Test
    void allowedEdgesListExactlyTheAllowedGraph() {
        assertEquals(List.of(
                        "browser -> web/frontend 8443/TCP",
                        "payments -> web/frontend 8443/TCP",
                        "web/api -> data/db 5432/TCP",
                        "web/api -> payments 443/TCP",
                        "web/frontend -> web/api 8080/TCP"),
                zeroTrust().allowedEdges().stream().map(Edge::toString).toList());
    }

    @Test
    void allowedEdgesAgreeWithAllowsForEveryPairAndDeclaredPort() {
        Reachability reachability = zeroTrust();
        List<Endpoint> endpoints = new ArrayList<>(reachability.pods());
        endpoints.addAll(reachability.externals());
        SortedSet<Edge> expected = new TreeSet<>();
        for (Endpoint source : endpoints) {
            for (Endpoint destination : endpoints) {
                if (source.id().equals(destination.id()) || !(source instanceof Pod || destination instanceof Pod)) {
                    continue;
                }
                for (Port port : destination.ports()) {
                    if (reachability.allows(source, destination, port.number(), port.protocol())) {
                        expected.add(new Edge(source.id(), destination.id(), port.number(), port.protocol()));
                    }
                }
            }
        }

        assertEquals(expected, reachability.allowedEdges());
    }

    @Test
    void withoutPoliciesEveryDeclaredPortIsReachableFromEveryOtherEndpoint() {
        Reachability reachability = Reachability.builder()
                .namespace("web")
                .pod(Endpoint.pod("web", "a", Map.of()).port(80, TCP))
                .pod(Endpoint.pod("web", "b", Map.of()).port("dns", 53, UDP).port("dns-tcp", 53, TCP))
                .external(Endpoint.external("192.0.2.1").port(443, TCP))
                .build();

        assertEquals(Set.of(
                new Edge("192.0.2.1", "web/a", 80, TCP),
                new Edge("192.0.2.1", "web/b", 53, UDP),
                new Edge("192.0.2.1", "web/b", 53, TCP),
                new Edge("web/a", "192.0.2.1", 443, TCP),
                new Edge("web/a", "web/b", 53, UDP),
                new Edge("web/a", "web/b", 53, TCP),
                new Edge("web/b", "192.0.2.1", 443, TCP),
                new Edge("web/b", "web/a", 80, TCP)), reachability.allowedEdges());
    }

    @Test
    void declaredEndpointsCanBeLookedUpById() {
        Reachability reachability = zeroTrust();

        assertEquals("web/api", reachability.pod("web", "api").id());
        assertEquals("203.0.113.7", reachability.external("payments").ip());
        assertThrows(IllegalArgumentException.class, () -> reachability.pod("web", "nope"));
        assertTrue(reachability.allows(reachability.pod("web", "api"), reachability.external("payments"), 443, TCP));
    }

    @Test
    void largeClusterEvaluatesQuickly() {
        Reachability.Builder builder = Reachability.builder();
        List<String> documents = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            builder.namespace("ns" + n, Map.of("index", String.valueOf(n)));
            documents.add("""
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: default-deny, namespace: ns%1$d}
                    spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: chain, namespace: ns%1$d}
                    spec:
                      podSelector: {}
                      ingress:
                      - from: [{namespaceSelector: {matchLabels: {index: '%2$d'}}}]
                        ports: [{port: http}]
                      egress:
                      - to: [{namespaceSelector: {matchLabels: {index: '%3$d'}}}]
                    """.formatted(n, (n + 19) % 20, (n + 1) % 20));
            for (int p = 0; p < 20; p++) {
                builder.pod(Endpoint.pod("ns" + n, "pod" + p, Map.of("app", "app" + p))
                        .ip("10." + n + ".0." + (p + 1)).port("http", 8080, TCP).port("metrics", 9090, TCP));
            }
        }
        Reachability reachability = builder.policies(Fixtures.policies(String.join("---\n", documents))).build();

        long start = System.nanoTime();
        SortedSet<Edge> edges = reachability.allowedEdges();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // 400 pods in a ring of 20 namespaces: each pod reaches the 20 pods of the next namespace on 8080.
        assertEquals(400 * 20, edges.size());
        assertTrue(millis < 5_000, "400 pods x 400 pods x 2 ports took " + millis + " ms");
    }
}
