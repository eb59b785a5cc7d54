package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.clusterIssuer;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.ingressClass;
import static dev.goldenpath.dsl.GoldenPath.udpPort;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.appNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an app may expose, and where: each mistake reported with its path, value and code. */
class ExposureRulesTest {

    private static final Environment PROD = environment("prod").cluster("https://kubernetes.default.svc")
            .apiServer(6443, "10.0.0.1/32").gateway(gateway("gateways", "public")).build();
    private static final Environment STAGING = environment("staging").cluster("https://staging.example.com:6443")
            .apiServer(6443, "10.0.0.1/32").ingressClass(ingressClass("nginx").issuer(clusterIssuer("letsencrypt"))).build();

    private static List<Violation> violations(List<Environment> environments, App... apps) {
        Platform platform = RuleFixtures.platform(environments, apps);
        Problems problems = new Problems();
        ExposureRules rules = new ExposureRules(platform, problems);
        for (App app : apps) {
            rules.app(app, FieldPath.app(app.name()));
        }
        rules.platformWide();
        return problems.list();
    }

    private static List<Violation> violations(App... apps) {
        return violations(List.of(PROD, STAGING), apps);
    }

    private static List<String> summary(List<Violation> violations) {
        List<String> lines = new ArrayList<>();
        violations.forEach(v -> lines.add(v.code().code() + " " + v.path() + " " + v.value()));
        return lines;
    }

    @Test
    void acceptsHostsAndPrefixesEveryControllerReadsTheSameWay() {
        App app = app(a -> a.port("admin", 9000).expose("shop.acme.example").expose("www.acme.example", "/", "/static/v1.2")
                .exposePort("admin", "admin.acme.example", "/api/~user", "/a_b-c"));
        assertEquals(List.of(), violations(app));
    }

    @Test
    void refusesHostsThatAreNotLowercaseFullyQualifiedNames() {
        App app = app(a -> a.expose("Shop.acme.example").expose("*.acme.example").expose("localhost")
                .expose("10.0.0.1").expose("a_b.example.com").expose("x".repeat(64) + ".example.com")
                .expose(("a".repeat(60) + ".").repeat(4) + "example.com").expose(""));
        assertEquals(List.of(
                "exposure.host-invalid apps[api].expose[0].host Shop.acme.example",
                "exposure.host-invalid apps[api].expose[1].host *.acme.example",
                "exposure.host-invalid apps[api].expose[2].host localhost",
                "exposure.host-invalid apps[api].expose[3].host 10.0.0.1",
                "exposure.host-invalid apps[api].expose[4].host a_b.example.com",
                "exposure.host-invalid apps[api].expose[5].host " + "x".repeat(64) + ".example.com",
                "exposure.host-invalid apps[api].expose[6].host " + ("a".repeat(60) + ".").repeat(4) + "example.com",
                "exposure.host-invalid apps[api].expose[7].host "), summary(violations(app)));
        assertTrue(violations(app).get(1).rule().contains("wildcard"), violations(app).get(1).rule());
    }

    @Test
    void refusesPrefixesThatAreNotPlainPathPrefixes() {
        App app = app(a -> a.expose("shop.acme.example", "api", "/api/", "/a//b", "/a/../b", "/.", "/api/(v1|v2)",
                "/a%2Fb", "/a?b", "/" + "a".repeat(1024)));
        List<String> paths = violations(app).stream().map(Violation::path).toList();
        assertEquals(9, paths.size(), summary(violations(app)).toString());
        for (int j = 0; j < 9; j++) {
            assertEquals("apps[api].expose[0].pathPrefixes[" + j + "]", paths.get(j));
        }
        assertTrue(violations(app).stream().allMatch(v -> v.code() == ViolationCode.EXPOSURE_PATH_INVALID));
    }

    @Test
    void refusesARouteToAPortTheAppDoesNotHaveOrThatIsNotTcp() {
        App unknown = app(a -> a.exposePort("admin", "shop.acme.example"));
        assertEquals(List.of("exposure.port-unknown apps[api].expose[0].port admin"), summary(violations(unknown)));
        App none = appNamed("worker-like").expose("shop.acme.example").build();
        assertEquals(List.of("exposure.no-port apps[worker-like].expose[0].host shop.acme.example"), summary(violations(none)));
        App udp = appNamed("dns").port(udpPort("dns", 5353)).expose("dns.acme.example").build();
        assertEquals(List.of("exposure.port-not-tcp apps[dns].expose[0].port dns"), summary(violations(udp)));
    }

    @Test
    void refusesTheSameHostAndPrefixTwiceInOneApp() {
        App app = app(a -> a.expose("shop.acme.example", "/api").expose("shop.acme.example", "/", "/api"));
        assertEquals(List.of("exposure.route-duplicate apps[api].expose[1].pathPrefixes[1] shop.acme.example/api"),
                summary(violations(app)));
    }

    @Test
    void refusesTwoAppsRoutingTheSameHostAndPrefixNamingBoth() {
        App shop = appNamed("shop").port(8080).expose("shop.acme.example", "/", "/api").build();
        App api = appNamed("api").port(8080).expose("shop.acme.example", "/api").build();
        App other = appNamed("other").port(8080).expose("shop.acme.example", "/other").build();
        List<Violation> violations = violations(shop, api, other);
        assertEquals(List.of("exposure.collision apps[api].expose[0].pathPrefixes[0] shop.acme.example/api"),
                summary(violations));
        assertEquals("apps shop and api both route https://shop.acme.example/api in prod, staging: one would silently"
                + " take the other's traffic", violations.get(0).rule());
    }

    @Test
    void appsInDifferentEnvironmentsMayRouteTheSameHost() {
        App shop = appNamed("shop").port(8080).onlyIn("prod").expose("shop.acme.example").build();
        App preview = appNamed("preview").port(8080).onlyIn("staging").expose("shop.acme.example").build();
        assertEquals(List.of(), violations(shop, preview));
    }

    @Test
    void refusesExposureInAnEnvironmentWithoutGatewayOrIngressClass() {
        Environment bare = RuleFixtures.environmentNamed("qa");
        App app = app(a -> a.expose("shop.acme.example"));
        List<Violation> violations = violations(List.of(PROD, bare), app);
        assertEquals(List.of("exposure.no-gateway apps[api].expose qa"), summary(violations));
        assertTrue(violations.get(0).hint().contains("environment(\"qa\").gateway(gateway("), violations.get(0).hint());
        // The same app only where there is a way in: fine.
        assertEquals(List.of(), violations(List.of(PROD, bare), app(a -> a.onlyIn("prod").expose("shop.acme.example"))));
    }

    @Test
    void refusesMorePrefixesOnOneHostThanOneHttpRouteHolds() {
        String[] prefixes = java.util.stream.IntStream.rangeClosed(0, 64).mapToObj(i -> "/p" + i).toArray(String[]::new);
        App app = app(a -> a.expose("shop.acme.example", prefixes).expose("www.acme.example", "/a", "/b"));
        assertEquals(List.of("exposure.host-too-many-routes apps[api].expose shop.acme.example"), summary(violations(app)));
        assertEquals(List.of(), violations(app(a -> a.expose("shop.acme.example", java.util.Arrays.copyOf(prefixes, 64)))));
    }

    @Test
    void refusesAnAppSecretNamedLikeTheCertificatesSecret() {
        App app = app(a -> a.expose("shop.acme.example")
                .secret(GoldenPath.sealed("api-tls").fromEnvironment("password", "PASSWORD").mountAt("/etc/tls")));
        assertEquals(List.of("secret.duplicate apps[api].secrets[api-tls] api-tls"), summary(violations(app)));
        // Where no issuer writes it (a Gateway environment only), the name is free.
        assertEquals(List.of(), violations(List.of(PROD), app));
    }

    @Test
    void refusesAnAppInTheGatewaysNamespace() {
        App app = app(a -> a.namespace("gateways"));
        assertEquals(List.of("namespace.owned-by-other apps[api].namespace gateways"), summary(violations(List.of(PROD), app)));
    }

    @Test
    void refusesGatewaysAndIngressClassesKubernetesCannotName() {
        Environment prod = environment("prod").cluster("https://kubernetes.default.svc")
                .gateway(gateway("Gateways", "Public_1").listener("HTTPS").pods("gateways", Map.of())).build();
        Environment staging = environment("staging").cluster("https://staging.example.com:6443")
                .ingressClass(ingressClass("Nginx").issuer(clusterIssuer("Lets_Encrypt"))).build();
        assertEquals(List.of(
                "namespace.invalid environments[prod].gateway.namespace Gateways",
                "exposure.name-invalid environments[prod].gateway.name Public_1",
                "exposure.name-invalid environments[prod].gateway.listener HTTPS",
                "network.peer-selects-all environments[prod].gateway.pods.podLabels {}",
                "exposure.name-invalid environments[staging].ingressClass.name Nginx",
                "exposure.name-invalid environments[staging].ingressClass.issuer.name Lets_Encrypt"),
                summary(violations(List.of(prod, staging))));
    }

    @Test
    void theDefaultGatewayPodsAreTheOnesLabelledWithTheGatewaysName() {
        Gateway gateway = gateway("gateways", "public");
        assertEquals("https", gateway.listener());
        assertEquals(new Network.Peer("gateways", Map.of("gateway.networking.k8s.io/gateway-name", "public")), gateway.pods());
        assertNull(RouteSyntax.pathProblem("/"));
    }

    @Test
    void aSecondWayInReplacesTheFirst() {
        Environment environment = environment("prod").gateway(gateway("gateways", "public"))
                .ingressClass(ingressClass("nginx")).build();
        assertTrue(environment.gateway().isEmpty());
        assertEquals("nginx", environment.ingressClass().orElseThrow().name());
    }

    @Test
    void reportsAtTheRoutePathUsedByTheWholeValidator() {
        assertEquals("apps[api].expose[0].host", API.field("expose").index(0).field("host").toString());
    }
}
