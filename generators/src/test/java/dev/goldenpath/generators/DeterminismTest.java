package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.tree.RenderedTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static Platform spec(boolean reversed) {
        var builder = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("a").owner("a@example.com"))
                .team(team("b").owner("b@example.com"));
        var one = app("one").team("a").image("r.example.com/one:1").port(80).label("z", "1").label("a", "2")
                .env("B", "1").env("A", "2").annotation("y.example.com/x", "1").annotation("a.example.com/x", "2");
        var two = app("two").team("b").image("r.example.com/two:1").port(80).replicas(3).nodeSelector("zone", "a").nodeSelector("arch", "x");
        return (reversed ? builder.app(two).app(one) : builder.app(one).app(two)).build();
    }

    @Test
    void sameSpecRendersByteIdenticalTrees() {
        RenderedTree first = Renderer.secureByDefault().render(spec(false)).tree();
        RenderedTree second = Renderer.secureByDefault().render(spec(false)).tree();
        assertEquals(first, second);
        assertEquals(first.digest(), second.digest());
    }

    @Test
    void declarationOrderOfAppsDoesNotChangeTheOutput() {
        assertEquals(Renderer.secureByDefault().render(spec(false)).tree().digest(),
                Renderer.secureByDefault().render(spec(true)).tree().digest());
    }

    @Test
    void yamlHasNoNullsEmptyCollectionsOrDocumentMarkers() {
        RenderedTree tree = Renderer.secureByDefault().render(spec(false)).tree();
        tree.forEach((path, bytes) -> {
            if (!path.endsWith(".yaml")) {
                return;
            }
            String yaml = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(yaml.contains("null"), path);
            assertFalse(yaml.contains("[]"), path);
            assertFalse(yaml.startsWith("---"), path);
            assertFalse(yaml.contains("status:"), path);
        });
    }

    @Test
    void sortsMapKeysButKeepsDeclaredEnvironmentOrder() {
        String deployment = Renderer.secureByDefault().render(spec(false)).tree().text("apps/prod/one/deployment.yaml").orElseThrow();
        assertEquals(true, deployment.indexOf("a.example.com/x") < deployment.indexOf("y.example.com/x"));
        // Environment variables keep their declared order: later ones may refer to earlier ones with $(NAME).
        assertEquals(true, deployment.indexOf("name: B") < deployment.indexOf("name: A"));
    }
}
