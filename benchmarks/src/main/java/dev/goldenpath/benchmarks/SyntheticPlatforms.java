package dev.goldenpath.benchmarks;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.Platform;

/** Platforms of any size, shaped like real ones: teams of ten apps, two ports, probes, resources, a writable path. */
public final class SyntheticPlatforms {

    private SyntheticPlatforms() {
    }

    /** A spec (not yet validated) with {@code apps} apps in {@code environments} environments. */
    public static Platform.Builder spec(int apps, int environments) {
        Platform.Builder platform = platform("bench").gitRepository("https://git.example.com/bench/gitops.git");
        for (int e = 0; e < environments; e++) {
            platform.environment(environment("env" + e).cluster("https://env" + e + ".k8s.example.com")
                    .apiServer(6443, "10.0.0.1/32"));
        }
        int teams = Math.max(1, apps / 10);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            platform.app(app("app" + a)
                    .team("team" + (a % teams))
                    .image("registry.example.com/team" + (a % teams) + "/app" + a + ":1." + (a % 7) + ".0")
                    .port(8080)
                    .port(port("metrics", 9090))
                    .replicas(1 + a % 3)
                    .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                    .env("LOG_LEVEL", "info")
                    .readiness(httpGet("/ready"))
                    .liveness(httpGet("/healthz"))
                    .writablePath("/tmp")
                    .label("tier", a % 2 == 0 ? "web" : "backend"));
        }
        return platform;
    }
}
