package dev.goldenpath.generators.extension;

import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import java.util.function.UnaryOperator;

/** Small platforms for the escape-hatch tests: a web app, an app with API permissions, an app with a metrics port. */
final class Platforms {

    private Platforms() {
    }

    /** Apps {@code web}, {@code reader} (may get and list pods: it has a Role) and {@code exporter}, in two environments. */
    static Platform shop(UnaryOperator<App.Builder> web) {
        return shop(web, a -> a);
    }

    /** The same, changing the web app and the reader app. */
    static Platform shop(UnaryOperator<App.Builder> web, UnaryOperator<App.Builder> reader) {
        return platform("shop")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("staging").cluster("https://staging.example:6443").apiServer(6443, "10.1.0.10/32"))
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.2.0.10/32"))
                .team(team("web").owner("web@example.com"))
                .app(web.apply(app("web").team("web").namespace("web-{environment}")
                        .image("registry.example.com/web:1.0.0").port(8080).replicas(2)))
                .app(reader.apply(app("reader").team("web").namespace("web-{environment}")
                        .image("registry.example.com/reader:2.1.0").port(8080).permissions(allow("get", "list").on("pods"))))
                .app(app("exporter").team("web").namespace("web-{environment}").image("registry.example.com/exporter:0.9.1")
                        .port(8080).port(port("metrics", 9100)).calledByNamespace("monitoring", 9100))
                .build();
    }

    static Platform shop() {
        return shop(a -> a);
    }

    static JsonNode read(RenderedTree tree, String path) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError("missing " + path + " in " + tree.paths())));
    }
}
