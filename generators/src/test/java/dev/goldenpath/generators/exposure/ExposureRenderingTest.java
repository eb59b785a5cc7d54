package dev.goldenpath.generators.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exposed apps render HTTPS-only routes: HTTPRoutes on the environment's Gateway, or Ingresses with TLS. */
class ExposureRenderingTest {

    private static final RenderedTree TREE = Renderer.secureByDefault().render(ExposurePlatforms.acme()).tree();

    static JsonNode read(RenderedTree tree, String path) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError("no " + path)));
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void aGatewayEnvironmentGetsOneHttpRoutePerHostOnTheHttpsListener() {
        JsonNode shop = read(TREE, "apps/production/frontend/httproute-frontend-shop.acme.example.yaml");
        assertEquals("gateway.networking.k8s.io/v1", shop.path("apiVersion").asText());
        assertEquals("web-production", shop.at("/metadata/namespace").asText());
        assertEquals("web", shop.at("/metadata/labels/owner").asText());
        JsonNode parent = shop.at("/spec/parentRefs/0");
        assertEquals(1, shop.at("/spec/parentRefs").size());
        assertEquals("gateways", parent.path("namespace").asText());
        assertEquals("public", parent.path("name").asText());
        assertEquals("Gateway", parent.path("kind").asText());
        // The HTTPS listener only: the route is never served over plain HTTP.
        assertEquals("https", parent.path("sectionName").asText());
        assertEquals(List.of("shop.acme.example"), texts(shop.at("/spec/hostnames")));
        // One rule per backend port: 8080 serves / and /static, 9000 serves /admin.
        JsonNode rules = shop.at("/spec/rules");
        assertEquals(2, rules.size());
        assertEquals(8080, rules.get(0).at("/backendRefs/0/port").asInt());
        assertEquals("frontend", rules.get(0).at("/backendRefs/0/name").asText());
        assertEquals(List.of("/", "/static"), rules.get(0).findValuesAsText("value"));
        assertEquals(List.of("PathPrefix", "PathPrefix"), rules.get(0).findValuesAsText("type"));
        assertEquals(9000, rules.get(1).at("/backendRefs/0/port").asInt());
        assertEquals(List.of("/admin"), rules.get(1).findValuesAsText("value"));

        JsonNode www = read(TREE, "apps/production/frontend/httproute-frontend-www.acme.example.yaml");
        assertEquals(List.of("www.acme.example"), texts(www.at("/spec/hostnames")));
        assertEquals(List.of("/"), www.at("/spec/rules").findValuesAsText("value"));
        // No Ingress and no Certificate with a Gateway: TLS ends at the platform's Gateway.
        assertTrue(TREE.paths().stream().filter(p -> p.startsWith("apps/production/"))
                .noneMatch(p -> p.contains("/ingress") || p.contains("/certificate-")));
        // An app that is not exposed gets no route.
        assertTrue(TREE.paths().stream().noneMatch(p -> p.startsWith("apps/production/ledger/httproute")));
    }

    @Test
    void anIngressEnvironmentWithAnIssuerGetsTlsForEveryHostAndACertificateForThem() {
        JsonNode ingress = read(TREE, "apps/staging/frontend/ingress.yaml");
        assertEquals("networking.k8s.io/v1", ingress.path("apiVersion").asText());
        assertEquals("nginx", ingress.at("/spec/ingressClassName").asText());
        assertEquals(List.of("shop.acme.example", "www.acme.example"), texts(ingress.at("/spec/tls/0/hosts")));
        assertEquals("frontend-tls", ingress.at("/spec/tls/0/secretName").asText());
        JsonNode shop = ingress.at("/spec/rules/0");
        assertEquals("shop.acme.example", shop.path("host").asText());
        assertEquals(List.of("/", "/admin", "/static"), shop.findValuesAsText("path"));
        assertEquals(List.of("Prefix", "Prefix", "Prefix"), shop.findValuesAsText("pathType"));
        assertEquals(List.of("http", "admin", "http"), shop.at("/http/paths").findValuesAsText("name").stream()
                .filter(n -> !n.equals("frontend")).toList());

        JsonNode certificate = read(TREE, "apps/staging/frontend/certificate-frontend-tls.yaml");
        assertEquals("cert-manager.io/v1", certificate.path("apiVersion").asText());
        assertEquals("web-staging", certificate.at("/metadata/namespace").asText());
        assertEquals("frontend-tls", certificate.at("/spec/secretName").asText());
        assertEquals(List.of("shop.acme.example", "www.acme.example"), texts(certificate.at("/spec/dnsNames")));
        assertEquals("ClusterIssuer", certificate.at("/spec/issuerRef/kind").asText());
        assertEquals("letsencrypt", certificate.at("/spec/issuerRef/name").asText());
        assertEquals("cert-manager.io", certificate.at("/spec/issuerRef/group").asText());
        assertEquals("ECDSA", certificate.at("/spec/privateKey/algorithm").asText());
        assertEquals("Always", certificate.at("/spec/privateKey/rotationPolicy").asText());

        assertEquals("Issuer", read(TREE, "apps/qa/frontend/certificate-frontend-tls.yaml").at("/spec/issuerRef/kind").asText());
    }

    @Test
    void anIngressEnvironmentWithoutIssuerListsEveryHostUnderTlsWithTheControllersCertificate() {
        JsonNode ingress = read(TREE, "apps/dev/orders/ingress.yaml");
        assertEquals(List.of("shop.acme.example"), texts(ingress.at("/spec/tls/0/hosts")));
        assertTrue(ingress.at("/spec/tls/0/secretName").isMissingNode());
        assertTrue(TREE.paths().stream().noneMatch(p -> p.startsWith("apps/dev/") && p.contains("/certificate-")));
    }

    @Test
    void theSameSpecRendersByteIdenticalRoutesWhateverTheDeclarationOrder() {
        RenderedTree again = Renderer.secureByDefault().render(ExposurePlatforms.acme()).tree();
        assertEquals(TREE, again);
        // The same routes declared in another order: the same bytes.
        assertEquals(TREE.digest(), Renderer.secureByDefault().render(ExposurePlatforms.reordered()).tree().digest());
    }

    @Test
    void theTeamsArgoCdProjectAllowsTheRouteKindsItDeploys() {
        String web = TREE.paths().stream().filter(p -> p.startsWith("argocd/staging/") && p.contains("appproject")
                && p.contains("web")).findFirst().orElseThrow(() -> new AssertionError(TREE.paths().toString()));
        JsonNode kinds = read(TREE, web).at("/spec/namespaceResourceWhitelist");
        List<String> groupKinds = new ArrayList<>();
        kinds.forEach(k -> groupKinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));
        assertTrue(groupKinds.contains("networking.k8s.io/Ingress"), groupKinds::toString);
        assertTrue(groupKinds.contains("cert-manager.io/Certificate"), groupKinds::toString);
        String production = TREE.paths().stream().filter(p -> p.startsWith("argocd/production/") && p.contains("appproject")
                && p.contains("web")).findFirst().orElseThrow();
        List<String> productionKinds = new ArrayList<>();
        read(TREE, production).at("/spec/namespaceResourceWhitelist").forEach(k ->
                productionKinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));
        assertTrue(productionKinds.contains("gateway.networking.k8s.io/HTTPRoute"), productionKinds::toString);
        assertFalse(productionKinds.contains("networking.k8s.io/Ingress"), productionKinds::toString);
    }

    @Test
    void theRouteObjectsPassThePolicyCheckAndTheRenderersProofs() {
        // render() runs the lint policy, Pod Security, object limits, the Argo CD proof and the network proof.
        Rendering rendering = Renderer.secureByDefault().render(ExposurePlatforms.builder(true).build());
        assertTrue(rendering.tree().contains("apps/production/frontend/httproute-frontend-www.acme.example.yaml"));
    }
}
