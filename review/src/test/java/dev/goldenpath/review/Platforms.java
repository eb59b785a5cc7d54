package dev.goldenpath.review;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.App;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.tree.RenderedTree;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** A small platform built with the DSL and rendered with the secure defaults, with one app open to change. */
final class Platforms {

    static final String LEDGER_DIGEST = "r.example.com/data/ledger@sha256:" + "ab".repeat(32);

    private Platforms() {
    }

    static RenderedTree render() {
        return render(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** frontend (team web) calls api; ledger (team data) listens on 5432 and is called by nobody. */
    static RenderedTree render(UnaryOperator<App.Builder> frontend, UnaryOperator<App.Builder> ledger) {
        return Renderer.secureByDefault().render(platform("acme")
                .gitRepository("https://git.example.com/acme/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("web").owner("web@example.com"))
                .team(team("data").owner("data@example.com"))
                .app(frontend.apply(app("frontend").team("web").image("r.example.com/web/frontend:2.3.1").port(8080)
                        .calls("api", 8080)))
                .app(app("api").team("web").image("r.example.com/web/api:1.0.0").port(8080))
                .app(ledger.apply(app("ledger").team("data").image(LEDGER_DIGEST).port("postgres", 5432)))
                .build()).tree();
    }

    /** {@code tree} with one file added or replaced. */
    static RenderedTree with(RenderedTree tree, String path, String content) {
        return RenderedTree.builder().addAll(tree.filter(p -> !p.equals(path)))
                .add(path, content.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** {@code tree} with {@code from} replaced by {@code to} in one file, which must contain it. */
    static RenderedTree edited(RenderedTree tree, String path, String from, String to) {
        String text = tree.text(path).orElseThrow(() -> new AssertionError(path + " not in " + tree.paths()));
        if (!text.contains(from)) {
            throw new AssertionError(path + " does not contain '" + from + "':\n" + text);
        }
        return with(tree, path, text.replace(from, to));
    }
}
