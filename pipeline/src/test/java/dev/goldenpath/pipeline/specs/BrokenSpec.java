package dev.goldenpath.pipeline.specs;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

/** An invalid platform with three violations: an unknown team, a mutable tag, a port out of range. */
public final class BrokenSpec implements PlatformSpec {

    @Override
    public Platform build() {
        return platform("broken")
                .gitRepository("https://git.example.com/broken/gitops.git")
                .environment(environment("production").apiServer(6443, "10.20.0.10/32")
                        .cluster("https://kubernetes.default.svc"))
                .team(team("shop").owner("shop@example.com"))
                .app(app("web").team("nobody").image("registry.example.com/web:latest").port(8080))
                .app(app("api").team("shop").image("registry.example.com/api:1.0").port(70000))
                .build();
    }
}
