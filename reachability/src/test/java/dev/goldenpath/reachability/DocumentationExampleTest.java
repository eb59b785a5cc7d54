package dev.goldenpath.reachability;

import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example policy of the Kubernetes "Network Policies" concept page, checked against the
 * behaviour that page spells out for it, item by item.
 */
class DocumentationExampleTest {

    private static final String TEST_NETWORK_POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test-network-policy
              namespace: default
            spec:
              podSelector:
                matchLabels:
                  role: db
              policyTypes:
              - Ingress
              - Egress
              ingress:
              - from:
                - ipBlock:
                    cidr: 172.17.0.0/16
                    except:
                    - 172.17.1.0/24
                - namespaceSelector:
                    matchLabels:
                      project: myproject
                - podSelector:
                    matchLabels:
                      role: frontend
                ports:
                - protocol: TCP
                  port: 6379
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/24
                ports:
                - protocol: TCP
                  port: 5978
            """;

    private static final Pod DB = Endpoint.pod("default", "redis", Map.of("role", "db")).ip("10.244.0.10");
    private static final Pod FRONTEND = Endpoint.pod("default", "web", Map.of("role", "frontend"));
    private static final Pod OTHER = Endpoint.pod("default", "batch", Map.of("role", "batch"));
    private static final Pod PROJECT_POD = Endpoint.pod("myproject", "anything", Map.of());
    private static final Pod FOREIGN_FRONTEND = Endpoint.pod("other", "web", Map.of("role", "frontend"));

    private final Reachability reachability = Reachability.builder()
            .namespace("default")
            .namespace("myproject", Map.of("project", "myproject"))
            .namespace("other")
            .policies(Fixtures.policies(TEST_NETWORK_POLICY))
            .build();

    @Test
    void isolatesDbPodsForIngressAndEgress() {
        assertFalse(reachability.allows(OTHER, DB, 6379, TCP));
        assertFalse(reachability.allows(DB, OTHER, 80, TCP));
        assertTrue(reachability.allows(OTHER, FRONTEND, 80, TCP), "pods without role=db are untouched");
    }

    @Test
    void admitsFrontendPodsOfItsNamespaceOnPort6379() {
        assertTrue(reachability.allows(FRONTEND, DB, 6379, TCP));
        assertFalse(reachability.allows(FRONTEND, DB, 6380, TCP));
        assertFalse(reachability.allows(FOREIGN_FRONTEND, DB, 6379, TCP));
    }

    @Test
    void admitsAnyPodOfNamespacesLabelledMyproject() {
        assertTrue(reachability.allows(PROJECT_POD, DB, 6379, TCP));
    }

    @Test
    void admitsTheIpRangesOutsideTheExceptHole() {
        assertTrue(reachability.allows(Endpoint.external("172.17.0.255"), DB, 6379, TCP));
        assertFalse(reachability.allows(Endpoint.external("172.17.1.1"), DB, 6379, TCP));
        assertTrue(reachability.allows(Endpoint.external("172.17.2.0"), DB, 6379, TCP));
        assertTrue(reachability.allows(Endpoint.external("172.17.255.255"), DB, 6379, TCP));
        assertFalse(reachability.allows(Endpoint.external("172.18.0.1"), DB, 6379, TCP));
    }

    @Test
    void letsDbPodsConnectTo10000Slash24OnPort5978Only() {
        assertTrue(reachability.allows(DB, Endpoint.external("10.0.0.200"), 5978, TCP));
        assertFalse(reachability.allows(DB, Endpoint.external("10.0.1.1"), 5978, TCP));
        assertFalse(reachability.allows(DB, Endpoint.external("10.0.0.200"), 443, TCP));
    }
}
