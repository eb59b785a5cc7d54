package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policies the API server would reject, and inconsistent clusters, are reported all at once. */
class ValidationTest {

    @Test
    void everyInvalidPolicyFieldIsReportedInOneException() {
        ReachabilityException thrown = assertThrows(ReachabilityException.class, () -> Fixtures.cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: broken, namespace: web}
                spec:
                  podSelector:
                    matchExpressions:
                    - {key: app, operator: Equals, values: [api]}
                    - {key: tier, operator: In}
                    - {key: env, operator: Exists, values: [prod]}
                  policyTypes: [Ingress, egress]
                  ingress:
                  - from:
                    - ipBlock: {cidr: 10.0.0.0/8}
                      podSelector: {}
                    - ipBlock: {cidr: 10.0.0.0/33}
                    - ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16, 10.1.0.0/16]}
                    - {}
                    - namespaceSelecter: {}
                    ports:
                    - {port: http, endPort: 8090}
                    - {port: 9000, endPort: 8999}
                    - {endPort: 80}
                    - {port: 70000}
                    - {port: 80, protocol: tcp}
                    - {port: "8080"}
                """));

        assertEquals(List.of(
                "networkpolicy web/broken: spec.podSelector.matchExpressions[0].operator: 'Equals' is not one of In, NotIn, Exists, DoesNotExist",
                "networkpolicy web/broken: spec.podSelector.matchExpressions[1].values: must be non-empty when operator is In",
                "networkpolicy web/broken: spec.podSelector.matchExpressions[2].values: must be empty when operator is Exists",
                "networkpolicy web/broken: spec.policyTypes[1]: 'egress' is neither Ingress nor Egress (case-sensitive)",
                "networkpolicy web/broken: spec.ingress[0].from[0]: ipBlock cannot be combined with podSelector or namespaceSelector",
                "networkpolicy web/broken: spec.ingress[0].from[1].ipBlock.cidr: '10.0.0.0/33' is not a CIDR such as 192.168.1.0/24 or 2001:db8::/64",
                "networkpolicy web/broken: spec.ingress[0].from[2].ipBlock.except[0]: 192.168.0.0/16 is outside cidr 10.0.0.0/8",
                "networkpolicy web/broken: spec.ingress[0].from[3]: a peer must set podSelector, namespaceSelector or ipBlock (to match every peer, leave the whole from/to list out)",
                "networkpolicy web/broken: spec.ingress[0].from[4]: unknown field(s) [namespaceSelecter]",
                "networkpolicy web/broken: spec.ingress[0].from[4]: a peer must set podSelector, namespaceSelector or ipBlock (to match every peer, leave the whole from/to list out)",
                "networkpolicy web/broken: spec.ingress[0].ports[0].endPort: requires a numeric port",
                "networkpolicy web/broken: spec.ingress[0].ports[1].endPort: 8999 is less than port 9000",
                "networkpolicy web/broken: spec.ingress[0].ports[2].endPort: requires a numeric port",
                "networkpolicy web/broken: spec.ingress[0].ports[3].port: 70000 is outside 1..65535",
                "networkpolicy web/broken: spec.ingress[0].ports[4].protocol: unsupported protocol 'tcp', expected TCP, UDP or SCTP (Kubernetes is case-sensitive)",
                "networkpolicy web/broken: spec.ingress[0].ports[5].port: '8080' is neither a port number nor a valid port name (write numbers unquoted)"),
                thrown.problems());
        assertTrue(thrown.getMessage().startsWith("cannot evaluate reachability, 16 problems:\n  - networkpolicy web/broken"));
    }

    @Test
    void clusterInconsistenciesAreReportedTogether() {
        ReachabilityException thrown = assertThrows(ReachabilityException.class, () -> Reachability.builder()
                .namespace("web")
                .namespace("web", Map.of("again", "yes"))
                .pod(Endpoint.pod("web", "a", Map.of()))
                .pod(Endpoint.pod("web", "a", Map.of("other", "labels")))
                .pod(Endpoint.pod("missing", "b", Map.of()))
                .external(Endpoint.external("192.0.2.1"))
                .external(Endpoint.external("192.0.2.1"))
                .policies(Fixtures.policies("""
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: p, namespace: web}
                        spec: {podSelector: {}}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: p, namespace: web}
                        spec: {podSelector: {}}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: q, namespace: elsewhere}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: r}
                        """))
                .build());

        assertEquals(List.of(
                "namespace web: declared twice",
                "pod web/a: declared twice",
                "pod missing/b: namespace 'missing' is not declared",
                "external 192.0.2.1: declared twice",
                "networkpolicy web/p: declared twice",
                "networkpolicy elsewhere/q: namespace 'elsewhere' is not declared",
                "networkpolicy r: metadata.namespace is required (a policy selects pods of its own namespace only)"),
                thrown.problems());
    }

    @Test
    void endpointsRejectBadAddressesPortsAndDuplicatePortNames() {
        Pod pod = Endpoint.pod("web", "a", Map.of());

        assertThrows(IllegalArgumentException.class, () -> pod.ip("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> pod.ip("010.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> pod.ip("example.com"));
        assertThrows(IllegalArgumentException.class, () -> pod.ip("fe80::1%eth0"));
        assertThrows(IllegalArgumentException.class, () -> pod.port(0, TCP));
        assertThrows(IllegalArgumentException.class, () -> pod.port("Http", 80, TCP));
        assertThrows(IllegalArgumentException.class, () -> pod.port("this-name-is-too-long", 80, TCP));
        assertThrows(IllegalArgumentException.class, () -> pod.port("http", 80, TCP).port("http", 81, TCP));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.external("not-an-ip"));
        assertThrows(IllegalArgumentException.class, () -> Protocol.of("ICMP"));
    }
}
