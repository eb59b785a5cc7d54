package dev.goldenpath.pipeline.specs;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

/** A small valid platform: one team, two apps, one environment; images pinned by tag, not digest. */
public final class ShopSpec implements PlatformSpec {

    /** The replicas of {@code web}; a test changes them to see one file change. */
    public static volatile int webReplicas = 2;

    @Override
    public Platform build() {
        return platform("shop")
                .gitRepository("https://git.example.com/shop/gitops.git")
                .environment(environment("production").apiServer(6443, "10.20.0.10/32")
                        .cluster("https://kubernetes.default.svc"))
                .team(team("shop").owner("shop@example.com"))
                .app(app("web").team("shop").image("registry.example.com/web:1.0.0").port(8080).replicas(webReplicas)
                        .calls("api", 8080))
                .app(app("api").team("shop").image("registry.example.com/api:1.0.0").port(8080))
                .build();
    }
}
