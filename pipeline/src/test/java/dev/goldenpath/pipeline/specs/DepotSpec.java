package dev.goldenpath.pipeline.specs;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

/** A platform with a secret sealed at render time from the variable {@code DB_PASSWORD}. */
public final class DepotSpec implements PlatformSpec {

    @Override
    public Platform build() {
        return platform("depot")
                .gitRepository("https://git.example.com/depot/gitops.git")
                .environment(environment("production").apiServer(6443, "10.20.0.10/32")
                        .cluster("https://kubernetes.default.svc"))
                .team(team("depot").owner("depot@example.com"))
                .app(app("store").team("depot").image("registry.example.com/store:2.0.0").port(8080)
                        .secret(sealed("db").fromEnvironment("password", "DB_PASSWORD").mountAt("/etc/db")))
                .build();
    }
}
