package dev.goldenpath.reachability;

import static dev.goldenpath.reachability.Fixtures.API;
import static dev.goldenpath.reachability.Fixtures.DB;
import static dev.goldenpath.reachability.Fixtures.FRONTEND;
import static dev.goldenpath.reachability.Fixtures.INTERNET;
import static dev.goldenpath.reachability.Fixtures.MONITOR;
import static dev.goldenpath.reachability.Fixtures.cluster;
import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts say which policies isolate each side and which rules let a connection through. */
class ExplainTest {

    private static final String POLICIES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: web}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: frontend-egress, namespace: web}
            spec:
              podSelector: {matchLabels: {app: frontend}}
              policyTypes: [Egress]
              egress:
              - to: [{podSelector: {matchLabels: {app: metrics-scraper}}}]
              - to: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: http}]
              - to: [{namespaceSelector: {}}]
                ports: [{port: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-ingress, namespace: web}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: frontend}}}]
                ports: [{port: 8080}]
            """;

    @Test
    void explainNamesEveryAllowingRuleOnEachSide() {
        Verdict verdict = cluster(POLICIES).explain(FRONTEND, API, 8080, TCP);

        assertEquals(new Edge("web/frontend", "web/api", 8080, TCP), verdict.edge());
        assertEquals(List.of("web/default-deny", "web/frontend-egress"), verdict.egress().isolatingPolicies());
        assertEquals(List.of(new PolicyRule("web", "frontend-egress", Direction.EGRESS, 1),
                new PolicyRule("web", "frontend-egress", Direction.EGRESS, 2)), verdict.egress().allowedBy());
        assertEquals(List.of(new PolicyRule("web", "api-ingress", Direction.INGRESS, 0)), verdict.ingress().allowedBy());
        assertEquals("""
                web/frontend -> web/api 8080/TCP: allowed
                  egress: allowed by web/frontend-egress egress[1], web/frontend-egress egress[2]
                  ingress: allowed by web/api-ingress ingress[0]""", verdict.toString());
    }

    @Test
    void explainSaysWhyADeniedConnectionIsDenied() {
        Verdict verdict = cluster(POLICIES).explain(MONITOR, API, 9090, TCP);

        assertEquals("""
                ops/monitor -> web/api 9090/TCP: denied
                  egress: not isolated (no policy selects ops/monitor for Egress)
                  ingress: denied (isolated by web/api-ingress, web/default-deny; no ingress rule matches)""",
                verdict.toString());
    }

    @Test
    void explainMarksTheExternalSideAsNotGoverned() {
        Verdict verdict = cluster(POLICIES).explain(INTERNET, FRONTEND, 443, TCP);

        assertEquals(Verdict.Status.NOT_A_POD, verdict.egress().status());
        assertEquals(Verdict.Status.DENIED, verdict.ingress().status());
        assertEquals("egress: not governed (203.0.113.7 is outside the cluster)", verdict.egress().toString());
    }

    @Test
    void explainAndAllowsAlwaysAgree() {
        Reachability reachability = cluster(POLICIES);
        List<Endpoint> endpoints = List.of(FRONTEND, API, DB, MONITOR, INTERNET);
        for (Endpoint source : endpoints) {
            for (Endpoint destination : endpoints) {
                if (!(source instanceof Pod) && !(destination instanceof Pod)) {
                    continue;
                }
                for (int port : new int[] {53, 443, 5432, 8080, 9090}) {
                    assertEquals(reachability.allows(source, destination, port, TCP),
                            reachability.explain(source, destination, port, TCP).allowed(),
                            source.id() + " -> " + destination.id() + " " + port);
                }
            }
        }
    }

    @Test
    void connectionsWithoutAPodOrWithBadInputAreRefused() {
        Reachability reachability = cluster("");

        assertThrows(IllegalArgumentException.class, () -> reachability.allows(INTERNET, INTERNET, 443, TCP));
        assertThrows(IllegalArgumentException.class, () -> reachability.allows(FRONTEND, API, 0, TCP));
        assertThrows(IllegalArgumentException.class, () -> reachability.allows(FRONTEND, API, 65536, TCP));
        Pod nowhere = Endpoint.pod("nowhere", "ghost", Map.of());
        IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class,
                () -> reachability.allows(nowhere, DB, 5432, TCP));
        assertEquals("pod nowhere/ghost: namespace 'nowhere' is not declared", undeclared.getMessage());
    }
}
