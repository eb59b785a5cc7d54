package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

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

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pods are isolated, for which direction, and how ingress, egress and several policies combine. */
class IsolationTest {

    @Test
    void noPoliciesAllowEverything() {
        Reachability reachability = cluster("");

        assertTrue(reachability.allows(FRONTEND, DB, 5432, TCP));
        assertTrue(reachability.allows(DB, INTERNET, 443, TCP));
        assertTrue(reachability.allows(INTERNET, API, 8080, TCP));
        assertEquals(Set.of(), reachability.isolation(API));
    }

    @Test
    void podSelectedByNoPolicyStaysOpenWhileItsNeighbourIsIsolated() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: isolate-api, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                """);

        assertFalse(reachability.allows(DB, API, 8080, TCP));
        assertTrue(reachability.allows(DB, FRONTEND, 8080, TCP));
        assertEquals(Set.of(Direction.INGRESS), reachability.isolation(API));
        assertEquals(Set.of(), reachability.isolation(FRONTEND));
    }

    @Test
    void emptyPodSelectorIsolatesEveryPodOfItsOwnNamespaceOnly() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """);

        assertFalse(reachability.allows(DB, API, 8080, TCP));
        assertFalse(reachability.allows(DB, FRONTEND, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, DB, 5432, TCP));
        assertTrue(reachability.allows(MONITOR, DB, 5432, TCP), "data and ops have no policies");
        assertEquals(Set.of(Direction.INGRESS, Direction.EGRESS), reachability.isolation(FRONTEND));
        assertEquals(Set.of(), reachability.isolation(DB));
    }

    @Test
    void absentPolicyTypesMeansIngressOnlyWithoutEgressRules() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: web}
                spec:
                  podSelector: {}
                """);

        assertEquals(Set.of(Direction.INGRESS), reachability.isolation(API));
        assertFalse(reachability.allows(DB, API, 8080, TCP));
        assertTrue(reachability.allows(API, DB, 5432, TCP), "egress is not isolated");
    }

    @Test
    void absentPolicyTypesIncludesEgressWhenEgressRulesExist() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-to-db, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  egress:
                  - to:
                    - namespaceSelector: {matchLabels: {team: data}}
                """);

        assertEquals(Set.of(Direction.INGRESS, Direction.EGRESS), reachability.isolation(API));
        assertTrue(reachability.allows(API, DB, 5432, TCP));
        assertFalse(reachability.allows(API, MONITOR, 80, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 8080, TCP), "Ingress is always in the default policyTypes");
    }

    @Test
    void egressOnlyPolicyLeavesIngressOpen() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                """);

        assertEquals(Set.of(Direction.EGRESS), reachability.isolation(API));
        assertTrue(reachability.allows(DB, API, 8080, TCP));
        assertFalse(reachability.allows(API, DB, 5432, TCP));
        assertFalse(reachability.allows(API, INTERNET, 443, TCP));
    }

    @Test
    void rulesOfADirectionMissingFromPolicyTypesAreIgnored() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: egress-only-with-stray-ingress-rule, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  ingress:
                  - {}
                  egress:
                  - {}
                """);

        assertFalse(reachability.allows(DB, API, 8080, TCP), "the ingress rule of an Egress-only policy allows nothing");
        assertTrue(reachability.allows(API, DB, 5432, TCP));
    }

    @Test
    void policiesAreAdditive() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-frontend, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: frontend}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-ops, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}
                """);

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertTrue(reachability.allows(MONITOR, API, 9090, TCP));
        assertFalse(reachability.allows(DB, API, 8080, TCP));
    }

    @Test
    void ingressAllowedButEgressDeniedIsDenied() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-from-frontend, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: frontend}}
                """);

        Verdict verdict = reachability.explain(FRONTEND, API, 8080, TCP);

        assertFalse(verdict.allowed());
        assertEquals(Verdict.Status.DENIED, verdict.egress().status());
        assertEquals(Verdict.Status.ALLOWED, verdict.ingress().status());
    }

    @Test
    void egressAllowedButIngressDeniedIsDenied() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: frontend-to-api, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - podSelector: {matchLabels: {app: api}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: web}
                spec:
                  podSelector: {}
                """);

        Verdict verdict = reachability.explain(FRONTEND, API, 8080, TCP);

        assertFalse(verdict.allowed());
        assertEquals(Verdict.Status.ALLOWED, verdict.egress().status());
        assertEquals(Verdict.Status.DENIED, verdict.ingress().status());
    }

    @Test
    void emptyRuleListDeniesAllButOneEmptyRuleAllowsAll() {
        Reachability noRules = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: none, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress: []
                """);
        Reachability emptyRule = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: all, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress:
                  - {}
                """);

        assertFalse(noRules.allows(DB, API, 8080, TCP));
        assertTrue(emptyRule.allows(DB, API, 8080, TCP));
        assertTrue(emptyRule.allows(INTERNET, API, 1, Protocol.SCTP));
    }

    @Test
    void absentOrEmptyFromMatchesEveryPeer() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: absent-from, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - ports: [{port: 8080}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: empty-from, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: []
                    ports: [{port: 9090}]
                """);

        assertTrue(reachability.allows(DB, API, 8080, TCP));
        assertTrue(reachability.allows(INTERNET, API, 8080, TCP));
        assertTrue(reachability.allows(MONITOR, API, 9090, TCP));
        assertFalse(reachability.allows(MONITOR, API, 9091, TCP));
    }

    @Test
    void absentOrEmptyPortsMatchEveryPortAndProtocol() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-frontend, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: frontend}}
                  - from:
                    - namespaceSelector: {matchLabels: {team: data}}
                    ports: []
                """);

        assertTrue(reachability.allows(FRONTEND, API, 1, TCP));
        assertTrue(reachability.allows(FRONTEND, API, 65535, Protocol.UDP));
        assertTrue(reachability.allows(DB, API, 22, Protocol.SCTP));
        assertFalse(reachability.allows(MONITOR, API, 8080, TCP));
    }

    @Test
    void podCannotBlockAccessToItself() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """);

        Verdict verdict = reachability.explain(API, API, 8080, TCP);

        assertTrue(verdict.allowed());
        assertEquals(Verdict.Status.SELF, verdict.ingress().status());
        assertFalse(reachability.allowedEdges().contains(new Edge("web/api", "web/api", 8080, TCP)),
                "self connections are not part of the graph");
    }
}
