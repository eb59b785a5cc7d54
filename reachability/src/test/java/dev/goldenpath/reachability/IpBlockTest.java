package dev.goldenpath.reachability;

import static dev.goldenpath.reachability.Fixtures.API;
import static dev.goldenpath.reachability.Fixtures.DB;
import static dev.goldenpath.reachability.Fixtures.FRONTEND;
import static dev.goldenpath.reachability.Fixtures.INTERNET;
import static dev.goldenpath.reachability.Fixtures.INTERNET_V6;
import static dev.goldenpath.reachability.Fixtures.MONITOR;
import static dev.goldenpath.reachability.Fixtures.cluster;
import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ipBlock peers: CIDR membership, except holes, IPv4 and IPv6, external and pod addresses. */
class IpBlockTest {

    /** The frontend may only send to the ipBlock written in {@code block}. */
    private static Reachability frontendEgressTo(String block) {
        return cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: frontend-egress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - ipBlock: %s
                """.formatted(block));
    }

    @Test
    void ipBlockAllowsExternalAddressesInsideTheCidr() {
        Reachability reachability = frontendEgressTo("{cidr: 203.0.113.0/24}");

        assertTrue(reachability.allows(FRONTEND, INTERNET, 443, TCP));
        assertFalse(reachability.allows(FRONTEND, Endpoint.external("198.51.100.1"), 443, TCP));
    }

    @Test
    void exceptCarvesHoleInIpBlock() {
        Reachability reachability = frontendEgressTo("{cidr: 203.0.113.0/24, except: [203.0.113.0/29]}");

        assertFalse(reachability.allows(FRONTEND, INTERNET, 443, TCP), ".7 is inside the hole .0-.7");
        assertTrue(reachability.allows(FRONTEND, Endpoint.external("203.0.113.8"), 443, TCP));
        assertTrue(reachability.allows(FRONTEND, Endpoint.external("203.0.113.255"), 443, TCP));
    }

    @Test
    void exceptHolesInOnePeerDoNotLimitAnotherPeer() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: frontend-egress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - ipBlock: {cidr: 0.0.0.0/0, except: [203.0.113.0/24]}
                    - ipBlock: {cidr: 203.0.113.7/32}
                """);

        assertTrue(reachability.allows(FRONTEND, INTERNET, 443, TCP));
        assertFalse(reachability.allows(FRONTEND, Endpoint.external("203.0.113.8"), 443, TCP));
    }

    @Test
    void ipv6BlockMatchesIpv6AddressesOnly() {
        Reachability reachability = frontendEgressTo("{cidr: '2001:db8:ffff::/48', except: ['2001:db8:ffff:1::/64']}");

        assertTrue(reachability.allows(FRONTEND, INTERNET_V6, 443, TCP));
        assertFalse(reachability.allows(FRONTEND, Endpoint.external("2001:db8:ffff:1::5"), 443, TCP));
        assertFalse(reachability.allows(FRONTEND, INTERNET, 443, TCP));
    }

    @Test
    void ipv4AllAddressesBlockDoesNotCoverIpv6() {
        Reachability reachability = frontendEgressTo("{cidr: 0.0.0.0/0}");

        assertTrue(reachability.allows(FRONTEND, INTERNET, 443, TCP));
        assertFalse(reachability.allows(FRONTEND, INTERNET_V6, 443, TCP));
    }

    @Test
    void hostBitsInTheCidrAreIgnored() {
        Reachability reachability = frontendEgressTo("{cidr: 203.0.113.200/24}");

        assertTrue(reachability.allows(FRONTEND, INTERNET, 443, TCP));
    }

    @Test
    void ipBlockMatchesPodsByTheirIps() {
        Reachability reachability = frontendEgressTo("{cidr: 10.0.1.0/24}");

        assertTrue(reachability.allows(FRONTEND, DB, 5432, TCP), "db is 10.0.1.7");
        assertFalse(reachability.allows(FRONTEND, API, 8080, TCP), "api is 10.0.0.6");
    }

    @Test
    void ipBlockMatchesAnyOfADualStackPodsIps() {
        Reachability reachability = frontendEgressTo("{cidr: '2001:db8::/64'}");

        assertTrue(reachability.allows(FRONTEND, MONITOR, 80, TCP));
    }

    @Test
    void ipBlockNeverMatchesAPodWithoutIps() {
        Pod noIp = Endpoint.pod("web", "fresh", java.util.Map.of());
        Reachability reachability = frontendEgressTo("{cidr: 0.0.0.0/0}");

        assertFalse(reachability.allows(FRONTEND, noIp, 80, TCP));
    }

    @Test
    void ipBlockInIngressMatchesTheSource() {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-ingress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - ipBlock: {cidr: 203.0.113.0/24}
                """);

        assertTrue(reachability.allows(INTERNET, API, 8080, TCP));
        assertFalse(reachability.allows(Endpoint.external("198.51.100.1"), API, 8080, TCP));
        assertFalse(reachability.allows(FRONTEND, API, 8080, TCP));
    }
}
