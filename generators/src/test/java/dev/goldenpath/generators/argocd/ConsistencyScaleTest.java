package dev.goldenpath.generators.argocd;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.tree.RenderedTree;
import org.junit.jupiter.api.Test;

/** The check stays cheap enough to run on every render of a large platform. */
class ConsistencyScaleTest {

    @Test
    void checksTwelveHundredInstancesOnFourClustersQuickly() {
        Platform.Builder spec = platform("big").gitRepository(ArgoTrees.REPO)
                .environment(environment("staging").apiServer(6443, "10.20.0.10/32").cluster("https://staging.example:6443"))
                .environment(environment("production").apiServer(6443, "10.20.0.10/32")
                        .cluster(cluster("eu", "https://eu.example:6443"))
                        .cluster(cluster("us", "https://us.example:6443"))
                        .cluster(cluster("ap", "https://ap.example:6443")));
        for (int t = 0; t < 20; t++) {
            spec.team(team("team" + t).owner("team" + t + "@example.com"));
            for (int a = 0; a < 30; a++) {
                spec.app(app("app" + t + "-" + a).team("team" + t).image("registry.example.com/app:1.0.0").port(8080)
                        .readiness(httpGet("/ready")));
            }
        }
        Platform platform = spec.build();
        RenderedTree tree = ArgoTrees.render(platform);
        long start = System.nanoTime();
        ConsistencyReport report = ArgoCd.check(platform, tree).orThrow();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(600 + 600 * 3 + 1 + 3, report.applications().size());
        System.out.println("consistency check: " + report.applications().size() + " Applications from "
                + tree.size() + " files in " + millis + " ms");
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }
}
