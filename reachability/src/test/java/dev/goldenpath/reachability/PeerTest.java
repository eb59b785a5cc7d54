package dev.goldenpath.reachability;

import static dev.goldenpath.reachability.Fixtures.API;
import static dev.goldenpath.reachability.Fixtures.DB;
import static dev.goldenpath.reachability.Fixtures.FRONTEND;
import static dev.goldenpath.reachability.Fixtures.INTERNET;
import static dev.goldenpath.reachability.Fixtures.MONITOR;
import static dev.goldenpath.reachability.Fixtures.cluster;
import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** from/to peers: podSelector, namespaceSelector, both in one peer, several peers, empty vs absent. */
class PeerTest {

    /** A database in the data namespace that admits ingress from whatever {@code from} says. */
    private static Reachability dbAdmitting(String from) {
        return cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-ingress, namespace: data}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                %s
                """.formatted(from.indent(4).stripTrailing()));
    }

    @Test
    void podSelectorAloneSelectsPodsOfThePolicysNamespaceOnly() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-from-backend, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {tier: backend}}
                """);

        assertFalse(reachability.allows(DB, API, 8080, TCP), "db has tier=backend but lives in another namespace");
        assertFalse(reachability.allows(FRONTEND, API, 8080, TCP));
    }

    @Test
    void podSelectorMatchesPodsOfThePolicysNamespace() {
        Reachability reachability = dbAdmitting("- podSelector: {matchLabels: {tier: backend}}");
        Pod worker = Endpoint.pod("data", "worker", Map.of("tier", "backend"));

        assertTrue(reachability.allows(worker, DB, 5432, TCP));
        assertFalse(reachability.allows(API, DB, 5432, TCP));
    }

    @Test
    void namespaceSelectorAloneSelectsEveryPodOfMatchingNamespaces() {
        Reachability reachability = dbAdmitting("- namespaceSelector: {matchLabels: {team: web}}");

        assertTrue(reachability.allows(FRONTEND, DB, 5432, TCP));
        assertTrue(reachability.allows(API, DB, 5432, TCP));
        assertFalse(reachability.allows(MONITOR, DB, 5432, TCP));
    }

    @Test
    void namespaceAndPodSelectorInOnePeerMeanBoth() {
        Reachability reachability = dbAdmitting("""
                - namespaceSelector: {matchLabels: {team: web}}
                  podSelector: {matchLabels: {app: api}}
                """);

        assertTrue(reachability.allows(API, DB, 5432, TCP));
        assertFalse(reachability.allows(FRONTEND, DB, 5432, TCP), "right namespace, wrong pod");
        Pod apiElsewhere = Endpoint.pod("ops", "api", Map.of("app", "api"));
        assertFalse(reachability.allows(apiElsewhere, DB, 5432, TCP), "right pod labels, wrong namespace");
    }

    @Test
    void separatePeersMeanEither() {
        Reachability reachability = dbAdmitting("""
                - namespaceSelector: {matchLabels: {team: web}}
                - podSelector: {matchLabels: {app: api}}
                """);
        Pod apiElsewhere = Endpoint.pod("ops", "api", Map.of("app", "api"));
        Pod apiInData = Endpoint.pod("data", "api", Map.of("app", "api"));

        assertTrue(reachability.allows(FRONTEND, DB, 5432, TCP), "any pod of team=web namespaces");
        assertTrue(reachability.allows(apiInData, DB, 5432, TCP), "app=api in the policy's own namespace");
        assertFalse(reachability.allows(apiElsewhere, DB, 5432, TCP), "app=api elsewhere matches neither peer");
    }

    @Test
    void emptyNamespaceSelectorMatchesEveryNamespace() {
        Reachability reachability = dbAdmitting("- namespaceSelector: {}");

        assertTrue(reachability.allows(FRONTEND, DB, 5432, TCP));
        assertTrue(reachability.allows(MONITOR, DB, 5432, TCP));
        assertFalse(reachability.allows(INTERNET, DB, 5432, TCP), "namespaceSelector {} means all pods, not all IPs");
    }

    @Test
    void emptyPodSelectorMatchesEveryPodOfThePolicysNamespaceOnly() {
        Reachability reachability = dbAdmitting("- podSelector: {}");
        Pod neighbour = Endpoint.pod("data", "cache", Map.of());

        assertTrue(reachability.allows(neighbour, DB, 5432, TCP));
        assertFalse(reachability.allows(API, DB, 5432, TCP));
    }

    @Test
    void emptyPodSelectorWithEmptyNamespaceSelectorMatchesEveryPodEverywhere() {
        Reachability reachability = dbAdmitting("""
                - namespaceSelector: {}
                  podSelector: {}
                """);

        assertTrue(reachability.allows(MONITOR, DB, 5432, TCP));
        assertTrue(reachability.allows(API, DB, 5432, TCP));
        assertFalse(reachability.allows(INTERNET, DB, 5432, TCP));
    }

    @Test
    void namespaceSelectorMatchesTheAutomaticMetadataNameLabel() {
        Reachability reachability = dbAdmitting("- namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}");

        assertEquals("ops", reachability.namespaces().get("ops").get(Reachability.NAMESPACE_NAME_LABEL));
        assertTrue(reachability.allows(MONITOR, DB, 5432, TCP));
        assertFalse(reachability.allows(API, DB, 5432, TCP));
    }

    @Test
    void metadataNameLabelCannotBeOverriddenByDeclaredLabels() {
        Reachability reachability = Fixtures.builder()
                .namespace("spoof", Map.of(Reachability.NAMESPACE_NAME_LABEL, "ops"))
                .policies(Fixtures.policies("""
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: db-ingress, namespace: data}
                        spec:
                          podSelector: {}
                          ingress:
                          - from:
                            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}
                        """))
                .build();
        Pod intruder = Endpoint.pod("spoof", "intruder", Map.of());

        assertEquals("spoof", reachability.namespaces().get("spoof").get(Reachability.NAMESPACE_NAME_LABEL));
        assertFalse(reachability.allows(intruder, DB, 5432, TCP));
    }

    @Test
    void selectorPeersNeverMatchExternalEndpoints() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-egress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - namespaceSelector: {}
                """);

        assertTrue(reachability.allows(API, MONITOR, 80, TCP));
        assertFalse(reachability.allows(API, INTERNET, 443, TCP));
    }

    @Test
    void egressPeersSelectTheDestination() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: frontend-egress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - podSelector: {matchLabels: {app: api}}
                """);

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, DB, 5432, TCP));
        assertTrue(reachability.allows(API, FRONTEND, 8080, TCP), "the api is not selected by the policy");
    }
}
