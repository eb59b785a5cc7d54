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
        assertEquals("10.0.0.0/40", violation(apiServer(6443, "10.0.0.0/40"), path, "not a CIDR").value());
        violation(apiServer(6443, "2001:db8::/129"), path, "not a CIDR");
        violation(apiServer(6443, "10.0.0.1/24"), path, "zero host bits");
        violation(apiServer(6443, "2001:db8::1/64"), path, "zero host bits");
        violation(apiServer(6443, "0.0.0.0/0"), path, "every address");
        violation(apiServer(6443, "10.0.0.1/32", "10.0.0.1/32"), path, "twice");
        apiServer(6443, "10.0.0.1/32", "2001:db8::1/128").build();
    }

    @Test
    void refusesPortsOutsideOneTo65535WhereverAPortIsTaken() {
        assertEquals("0", violation(apiServer(0, "10.0.0.1/32"), "environments[stage].apiServer.port", "1 to 65535").value());
        violation(apiServer(65536, "10.0.0.1/32"), "environments[stage].apiServer.port", "1 to 65535");
        violation(withApp(a -> a.callsExternal(cidr("203.0.113.0/24").ports(0))), "apps[api].callsExternal[203.0.113.0/24].ports",
                "1 to 65535");
        violation(withApp(a -> a.port(0)), "apps[api].ports[port-0].number", "1 to 65535");
        violation(withApp(a -> a.callsExternal(cidr("203.0.113.0/24").ports(443, 443))),
                "apps[api].callsExternal[203.0.113.0/24].ports", "twice");
    }

    @Test
    void refusesExternalBlocksWithImpossiblePrefixes() {
        violation(withApp(a -> a.callsExternal(cidr("10.0.0.0/40").allPorts())), "apps[api].callsExternal[10.0.0.0/40]", "not a CIDR");
        violation(withApp(a -> a.callsExternal(cidr("2001:db8::/200").allPorts())), "apps[api].callsExternal[2001:db8::/200]", "not a CIDR");
    }

    @Test
    void refusesSecretTypesKubernetesWouldReject() {
        Violation v = violation(withApp(a -> a.secret(sealed("db").type("Opaque Secret!").fromEnvironment("password", "DB")
                .mountAt("/etc/db"))), "apps[api].secrets[db].type", "qualified name");
        assertEquals("Opaque Secret!", v.value());
        violation(withApp(a -> a.secret(sealed("tls").type("kubernetes.io/tls").fromEnvironment("tls.crt", "CRT")
                .mountAt("/etc/tls"))), "apps[api].secrets[tls].keys", "tls.key");
        violation(withApp(a -> a.secret(sealed("sa").type("kubernetes.io/service-account-token").fromEnvironment("token", "T")
                .mountAt("/etc/sa"))), "apps[api].secrets[sa].type", "Kubernetes itself");
        withApp(a -> a.secret(sealed("tls").type("kubernetes.io/tls").fromEnvironment("tls.crt", "CRT")
                .fromEnvironment("tls.key", "KEY").mountAt("/etc/tls"))).build();
    }

    @Test
    void refusesAnIngressControllerNamespaceThatIsNoDnsLabel() {
        violation(withPlatform(p -> p.ingressController("Ingress_NGINX", Map.of("app", "ingress")))
                        .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "network.ingressController.namespace", "DNS-1123");
        violation(withPlatform(p -> p.ingressController("ingress", Map.of("bad key!", "x")))
                        .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "network.ingressController.podLabels[bad key!]", "label key");
    }

    @Test
    void refusesClusterUrlsThatAreNoHttpsUrlWithAHost() {
        for (String server : new String[] {"http://k8s.example.com", "https://", "https://user:pw@k8s.example.com",
                "https://k8s.example.com:99999", "https://k8s.example.com/?x=1"}) {
            violation(withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster(cluster("stage", server))))
                    .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                    "environments[stage].clusters[stage].server", "https://");
        }
    }

    @Test
    void refusesAKeylessIssuerThatIsNoHttpsUrl() {
        violation(withPlatform(p -> p.baseline(GoldenPath.baseline().signedImages(keyless("http://issuer.example.com", "ci"))))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "baseline.imageSignatures.issuer", "https://");
    }

    @Test
    void refusesSecretStoresTheOperatorCouldNotUse() {
        violation(withPlatform(p -> p.secretStore(vault("vault", "http://vault.example.com:8200")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[vault].server", "https");
        violation(withPlatform(p -> p.secretStore(vault("Vault!", "https://vault.example.com")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[Vault!].name", "DNS-1123");
        violation(withPlatform(p -> p.secretStore(vault("vault", "https://vault.example.com").kv("secret", 3)))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[vault].kvVersion", "1 or 2");
        violation(withPlatform(p -> p.secretStore(vault("vault", "https://a.example.com"))
                        .secretStore(vault("vault", "https://b.example.com")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "secretStores[vault]", "twice");
    }

    @Test
    void refusesAppNamesWhoseDerivedNamesWouldBeTooLong() {
        String name = "a".repeat(59);
        Violation v = violation(withApp(a -> app(name).team("payments").image(Specs.IMAGE).port(8080)),
                "apps[" + name + "].name", "Argo CD Application name");
        assertEquals("prod-" + name, v.value());
        withApp(a -> app("a".repeat(58)).team("payments").image(Specs.IMAGE).port(8080)).build();
    }

    @Test
    void everyViolationOfTheseRulesIsReportedTogether() {
        assertEquals(3, violations(withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("http://x")
                .apiServer(0, "10.0.0.0/40"))).app(app("api").team("payments").image(Specs.IMAGE).port(8080))).size());
    }
}
