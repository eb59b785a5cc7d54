package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static dev.goldenpath.dsl.Specs.violation;
import static dev.goldenpath.dsl.Specs.violations;
import static dev.goldenpath.dsl.Specs.withApp;
import static dev.goldenpath.dsl.Specs.withPlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values the API server (or Argo CD, or the operator) would refuse are violations, never output. */
class KubernetesValuesTest {

    private static Platform.Builder apiServer(int port, String... cidrs) {
        return withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://stage.example.com")
                .apiServer(port, cidrs)))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080));
    }

    @Test
    void refusesApiServerBlocksThatAreNoCidr() {
        String path = "environments[stage].apiServer.cidrs";
        assertEquals("10.0.0.0/40", violation(apiServer(6443, "10.0.0.0/40"), path, ViolationCode.NETWORK_CIDR_INVALID).value());
        violation(apiServer(6443, "2001:db8::/129"), path, ViolationCode.NETWORK_CIDR_INVALID);
        violation(apiServer(6443, "10.0.0.1/24"), path, ViolationCode.NETWORK_CIDR_INVALID);
        violation(apiServer(6443, "2001:db8::1/64"), path, ViolationCode.NETWORK_CIDR_INVALID);
        violation(apiServer(6443, "0.0.0.0/0"), path, ViolationCode.NETWORK_API_SERVER_EVERY_ADDRESS);
        violation(apiServer(6443, "10.0.0.1/32", "10.0.0.1/32"), path, ViolationCode.NETWORK_CIDR_DUPLICATE);
        apiServer(6443, "10.0.0.1/32", "2001:db8::1/128").build();
    }

    @Test
    void refusesPortsOutsideOneTo65535WhereverAPortIsTaken() {
        assertEquals("0", violation(apiServer(0, "10.0.0.1/32"), "environments[stage].apiServer.port", ViolationCode.PORT_NUMBER_OUT_OF_RANGE).value());
        violation(apiServer(65536, "10.0.0.1/32"), "environments[stage].apiServer.port", ViolationCode.PORT_NUMBER_OUT_OF_RANGE);
        violation(withApp(a -> a.callsExternal(cidr("203.0.113.0/24").ports(0))), "apps[api].callsExternal[203.0.113.0/24].ports",
                ViolationCode.PORT_NUMBER_OUT_OF_RANGE);
        violation(withApp(a -> a.port(0)), "apps[api].ports[port-0].number", ViolationCode.PORT_NUMBER_OUT_OF_RANGE);
        violation(withApp(a -> a.callsExternal(cidr("203.0.113.0/24").ports(443, 443))),
                "apps[api].callsExternal[203.0.113.0/24].ports", ViolationCode.PORT_DUPLICATE);
    }

    @Test
    void refusesExternalBlocksWithImpossiblePrefixes() {
        violation(withApp(a -> a.callsExternal(cidr("10.0.0.0/40").allPorts())), "apps[api].callsExternal[10.0.0.0/40]", ViolationCode.NETWORK_CIDR_INVALID);
        violation(withApp(a -> a.callsExternal(cidr("2001:db8::/200").allPorts())), "apps[api].callsExternal[2001:db8::/200]", ViolationCode.NETWORK_CIDR_INVALID);
        // The JDK would read these (10.1 is 10.0.0.1); the API server refuses the NetworkPolicy that holds them.
        violation(withApp(a -> a.callsExternal(cidr("10.1/16").ports(443))), "apps[api].callsExternal[10.1/16]", ViolationCode.NETWORK_CIDR_INVALID);
        violation(withApp(a -> a.callsExternal(cidr("192.168.01.0/24").ports(443))), "apps[api].callsExternal[192.168.01.0/24]", ViolationCode.NETWORK_CIDR_INVALID);
    }

    @Test
    void refusesSecretTypesKubernetesWouldReject() {
        Violation v = violation(withApp(a -> a.secret(sealed("db").type("Opaque Secret!").fromEnvironment("password", "DB")
                .mountAt("/etc/db"))), "apps[api].secrets[db].type", ViolationCode.SECRET_TYPE_INVALID);
        assertEquals("Opaque Secret!", v.value());
        violation(withApp(a -> a.secret(sealed("tls").type("kubernetes.io/tls").fromEnvironment("tls.crt", "CRT")
                .mountAt("/etc/tls"))), "apps[api].secrets[tls].keys", ViolationCode.SECRET_TYPE_KEY_MISSING);
        violation(withApp(a -> a.secret(sealed("sa").type("kubernetes.io/service-account-token").fromEnvironment("token", "T")
                .mountAt("/etc/sa"))), "apps[api].secrets[sa].type", ViolationCode.SECRET_TYPE_RESERVED);
        withApp(a -> a.secret(sealed("tls").type("kubernetes.io/tls").fromEnvironment("tls.crt", "CRT")
                .fromEnvironment("tls.key", "KEY").mountAt("/etc/tls"))).build();
    }

    @Test
    void refusesAnIngressControllerNamespaceThatIsNoDnsLabel() {
        violation(withPlatform(p -> p.ingressController("Ingress_NGINX", Map.of("app", "ingress")))
                        .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "network.ingressController.namespace", ViolationCode.NAMESPACE_INVALID);
        violation(withPlatform(p -> p.ingressController("ingress", Map.of("bad key!", "x")))
                        .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "network.ingressController.podLabels[bad key!]", ViolationCode.LABEL_KEY_INVALID);
    }

    @Test
    void refusesClusterUrlsThatAreNoHttpsUrlWithAHost() {
        for (String server : new String[] {"http://k8s.example.com", "https://", "https://user:pw@k8s.example.com",
                "https://k8s.example.com:99999", "https://k8s.example.com/?x=1"}) {
            violation(withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster(cluster("stage", server))))
                    .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                    "environments[stage].clusters[stage].server", ViolationCode.CLUSTER_SERVER_INVALID);
        }
    }

    @Test
    void refusesAKeylessIssuerThatIsNoHttpsUrl() {
        violation(withPlatform(p -> p.baseline(GoldenPath.baseline().signedImages(keyless("http://issuer.example.com", "ci"))))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "baseline.imageSignatures.issuer", ViolationCode.BASELINE_KEYLESS_ISSUER_INVALID);
    }

    @Test
    void refusesSecretStoresTheOperatorCouldNotUse() {
        violation(withPlatform(p -> p.secretStore(vault("vault", "http://vault.example.com:8200")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[vault].server", ViolationCode.SECRET_STORE_SERVER_INVALID);
        violation(withPlatform(p -> p.secretStore(vault("Vault!", "https://vault.example.com")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[Vault!].name", ViolationCode.NAME_DNS1123_LABEL);
        violation(withPlatform(p -> p.secretStore(vault("vault", "https://vault.example.com").kv("secret", 3)))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[vault].kvVersion", ViolationCode.SECRET_STORE_KV_VERSION_INVALID);
        violation(withPlatform(p -> p.secretStore(vault("vault", "https://a.example.com"))
                        .secretStore(vault("vault", "https://b.example.com")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[vault]", ViolationCode.SECRET_STORE_DUPLICATE);
    }

    @Test
    void refusesAppNamesWhoseDerivedNamesWouldBeTooLong() {
        String name = "a".repeat(59);
        Violation v = violation(withApp(a -> app(name).team("payments").image(Specs.IMAGE).port(8080)),
                "apps[" + name + "].name", ViolationCode.NAME_ARGOCD_APPLICATION_TOO_LONG);
        assertEquals("prod-" + name, v.value());
        withApp(a -> app("a".repeat(58)).team("payments").image(Specs.IMAGE).port(8080)).build();
    }

    @Test
    void everyViolationOfTheseRulesIsReportedTogether() {
        assertEquals(3, violations(withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("http://x")
                .apiServer(0, "10.0.0.0/40"))).app(app("api").team("payments").image(Specs.IMAGE).port(8080))).size());
    }
}
