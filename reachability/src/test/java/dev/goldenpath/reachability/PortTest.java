package dev.goldenpath.reachability;

import static dev.goldenpath.reachability.Fixtures.API;
import static dev.goldenpath.reachability.Fixtures.DB;
import static dev.goldenpath.reachability.Fixtures.FRONTEND;
import static dev.goldenpath.reachability.Fixtures.INTERNET;
import static dev.goldenpath.reachability.Fixtures.cluster;
import static dev.goldenpath.vocabulary.Protocol.SCTP;
import static dev.goldenpath.vocabulary.Protocol.TCP;
import static dev.goldenpath.vocabulary.Protocol.UDP;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ports: numbers, protocols, ranges with endPort, and named ports resolved on the destination. */
class PortTest {

    /** The api admits anyone, but only on the ports written in {@code ports}. */
    private static Reachability apiIngressOn(String ports) {
        return cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-ingress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - ports: %s
                """.formatted(ports));
    }

    @Test
    void numericPortMatchesThatPortOnly() {
        Reachability reachability = apiIngressOn("[{port: 8080, protocol: TCP}]");

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 8081, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 8080, UDP));
    }

    @Test
    void protocolDefaultsToTcp() {
        Reachability reachability = apiIngressOn("[{port: 8080}]");

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 8080, UDP));
        assertFalse(reachability.allows(FRONTEND, API, 8080, SCTP));
    }

    @Test
    void portEntryWithoutNumberMatchesEveryPortOfItsProtocol() {
        Reachability reachability = apiIngressOn("[{protocol: UDP}]");

        assertTrue(reachability.allows(FRONTEND, API, 53, UDP));
        assertTrue(reachability.allows(FRONTEND, API, 65535, UDP));
        assertFalse(reachability.allows(FRONTEND, API, 53, TCP));
    }

    @Test
    void endPortCoversRangeInclusive() {
        Reachability reachability = apiIngressOn("[{port: 32000, endPort: 32768}]");

        assertFalse(reachability.allows(FRONTEND, API, 31999, TCP));
        assertTrue(reachability.allows(FRONTEND, API, 32000, TCP));
        assertTrue(reachability.allows(FRONTEND, API, 32400, TCP));
        assertTrue(reachability.allows(FRONTEND, API, 32768, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 32769, TCP));
    }

    @Test
    void endPortEqualToPortIsASinglePort() {
        Reachability reachability = apiIngressOn("[{port: 8080, endPort: 8080}]");

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 8081, TCP));
    }

    @Test
    void severalPortEntriesAreOred() {
        Reachability reachability = apiIngressOn("[{port: 8080}, {port: 53, protocol: UDP}]");

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertTrue(reachability.allows(FRONTEND, API, 53, UDP));
        assertFalse(reachability.allows(FRONTEND, API, 53, TCP));
    }

    @Test
    void namedPortResolvesAgainstDestinationPod() {
        Reachability reachability = apiIngressOn("[{port: metrics}]");

        assertTrue(reachability.allows(FRONTEND, API, 9090, TCP), "the api names 9090 'metrics'");
        assertFalse(reachability.allows(FRONTEND, API, 8080, TCP));
    }

    @Test
    void namedPortInEgressResolvesAgainstTheDestinationNotTheSource() {
        Pod client = Endpoint.pod("web", "client", Map.of("app", "client")).port("postgres", 9999, TCP);
        Reachability reachability = Fixtures.builder()
                .pod(client)
                .policies(Fixtures.policies("""
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: client-egress, namespace: web}
                        spec:
                          podSelector: {matchLabels: {app: client}}
                          policyTypes: [Egress]
                          egress:
                          - ports: [{port: postgres}]
                        """))
                .build();

        assertTrue(reachability.allows(client, DB, 5432, TCP), "db names 5432 'postgres'");
        assertFalse(reachability.allows(client, DB, 9999, TCP), "the source's own 'postgres' port is irrelevant");
        assertFalse(reachability.allows(client, API, 5432, TCP), "the api has no port named 'postgres'");
    }

    @Test
    void namedPortMustMatchTheProtocolToo() {
        Reachability tcp = apiIngressOn("[{port: http, protocol: TCP}]");
        Reachability udp = apiIngressOn("[{port: http, protocol: UDP}]");

        assertTrue(tcp.allows(FRONTEND, API, 8080, TCP));
        assertFalse(udp.allows(FRONTEND, API, 8080, UDP), "'http' is a TCP port on the api");
        assertFalse(udp.allows(FRONTEND, API, 8080, TCP));
    }

    @Test
    void namedPortMatchesEachDestinationsOwnNumber() {
        Pod legacy = Endpoint.pod("data", "legacy-db", Map.of("app", "db")).port("postgres", 5433, TCP);
        Reachability reachability = Fixtures.builder()
                .pod(legacy)
                .policies(Fixtures.policies("""
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: db-ingress, namespace: data}
                        spec:
                          podSelector: {matchLabels: {app: db}}
                          ingress:
                          - ports: [{port: postgres}]
                        """))
                .build();

        assertTrue(reachability.allows(API, DB, 5432, TCP));
        assertFalse(reachability.allows(API, DB, 5433, TCP));
        assertTrue(reachability.allows(API, legacy, 5433, TCP));
        assertFalse(reachability.allows(API, legacy, 5432, TCP));
    }

    @Test
    void namedPortNeverMatchesAnExternalDestination() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: frontend-egress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress:
                  - ports: [{port: https}]
                  - ports: [{port: 443}]
                    to:
                    - ipBlock: {cidr: 198.51.100.0/24}
                """);

        assertFalse(reachability.allows(FRONTEND, INTERNET, 443, TCP));
        assertTrue(reachability.allows(FRONTEND, Endpoint.external("198.51.100.4"), 443, TCP));
    }

    @Test
    void portsAndPeersOfOneRuleMustBothMatch() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-ingress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: frontend}}
                    ports: [{port: 8080}]
                  - from:
                    - namespaceSelector: {matchLabels: {team: data}}
                    ports: [{port: 9090}]
                """);

        assertTrue(reachability.allows(FRONTEND, API, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 9090, TCP));
        assertTrue(reachability.allows(DB, API, 9090, TCP));
        assertFalse(reachability.allows(DB, API, 8080, TCP));
    }
}
