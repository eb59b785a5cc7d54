package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.tree.RenderedTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A namespace's labels do not depend on which apps live in it, so an app leaving it does not touch the file. */
class NamespaceLabelTest {

    private static final String FILE = "platform/prod/namespaces/shop-prod/namespace.yaml";

    private static RenderedTree render(List<String> apps) {
        var spec = platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("shop").owner("shop@acme.example"));
        for (String name : apps) {
            spec.app(app(name).team("shop").namespace("shop-{environment}")
                    .image("registry.example.com/" + name + ":1.0.0").port(8080));
        }
        Platform platform = spec.build();
        return Renderer.secureByDefault().render(platform).tree();
    }

    @Test
    void theAppLabelIsTheNamespacesNameWhateverItHolds() {
        byte[] three = render(List.of("cart", "catalog", "checkout")).bytes(FILE).orElseThrow();
        byte[] one = render(List.of("cart")).bytes(FILE).orElseThrow();
        String yaml = new String(one, StandardCharsets.UTF_8);
        assertEquals(1, yaml.lines().filter(l -> l.strip().equals("app: shop-prod")).count(), yaml);
        assertArrayEquals(three, one, "two apps leaving the namespace changed its file:\n" + yaml);
    }
}
