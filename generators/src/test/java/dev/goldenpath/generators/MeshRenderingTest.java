package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.secrets.testing.CrdSchemas;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshRenderingTest {

    private static RenderedTree render(boolean mesh) {
        Platform.Builder spec = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("web").owner("web@example.com"))
                .team(team("data").owner("data@example.com"))
                .app(app("api").team("web").image("r.example.com/api:1").port(8080).calls("db", 5432)
                        .calledByIngressController(8080))
                .app(app("db").team("data").image("r.example.com/db:1").port("postgres", 5432).calledByNamespace("backup", allPorts()));
        return Renderer.secureByDefault().render((mesh ? spec.istioMesh() : spec).build()).tree();
    }

    @Test
    void rendersNoMeshObjectsUnlessTheMeshIsOn() {
        assertTrue(render(false).paths().stream().noneMatch(p -> p.contains("peerauthentication") || p.contains("authorizationpolicy")));
    }

    @Test
    void requiresMutualTlsInEveryNamespace() {
        RenderedTree tree = render(true);
        for (String namespace : List.of("web-prod", "data-prod")) {
            JsonNode peer = Yaml.read(tree.bytes("platform/prod/namespaces/" + namespace + "/peerauthentication-default.yaml").orElseThrow());
            assertEquals("STRICT", peer.at("/spec/mtls/mode").asText());
            assertEquals("enabled", Yaml.read(tree.bytes("platform/prod/namespaces/" + namespace + "/namespace.yaml").orElseThrow())
                    .at("/metadata/labels/istio-injection").asText());
        }
    }

    @Test
    void allowsDeclaredCallersByServiceAccountPrincipal() {
        RenderedTree tree = render(true);
        JsonNode db = Yaml.read(tree.bytes("apps/prod/db/authorizationpolicy.yaml").orElseThrow());
        assertEquals("ALLOW", db.at("/spec/action").asText());
        assertEquals("db", db.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText());
        List<String> sources = new java.util.ArrayList<>();
        db.at("/spec/rules").forEach(rule -> sources.add(rule.at("/from/0/source").toString()));
        assertEquals(List.of("{\"namespaces\":[\"backup\"]}", "{\"principals\":[\"cluster.local/ns/web-prod/sa/api\"]}"),
                sources.stream().sorted().toList());
        JsonNode apiRule = db.at("/spec/rules").get(db.at("/spec/rules/0/from/0/source/principals").isMissingNode() ? 1 : 0);
        assertEquals("5432", apiRule.at("/to/0/operation/ports/0").asText());
        JsonNode api = Yaml.read(tree.bytes("apps/prod/api/authorizationpolicy.yaml").orElseThrow());
        assertEquals("ingress-nginx", api.at("/spec/rules/0/from/0/source/namespaces/0").asText());
    }

    @Test
    void conformsToTheUpstreamIstioSchemas() {
        Path crds = CrdSchemas.directory().orElse(null);
        assumeTrue(crds != null, "upstream CRDs not found (../shared/crds): schema conformance not checked");
        RenderedTree tree = render(true);
        tree.forEach((path, bytes) -> {
            String file = path.contains("peerauthentication") ? "istio/security.istio.io_peerauthentications.yaml"
                    : path.contains("authorizationpolicy") ? "istio/security.istio.io_authorizationpolicies.yaml" : null;
            if (file != null) {
                List<String> problems = CrdSchemas.violations(crds.resolve(file), Yaml.read(bytes));
                assertTrue(problems.isEmpty(), path + ": " + problems);
            }
        });
        assertFalse(tree.paths().stream().filter(p -> p.contains("authorizationpolicy")).toList().isEmpty());
    }
}
