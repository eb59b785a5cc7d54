package dev.goldenpath.maven;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.review.FailOn;
import dev.goldenpath.review.Review;
import dev.goldenpath.review.ReviewFormat;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review goal's work: report written, summary logged, the build failed on what failOn names. */
class ReviewMojoTest {

    @TempDir
    Path tmp;

    private static RenderedTree render(boolean weakened) {
        var ledger = app("ledger").team("data").image("r.example.com/data/ledger:3.0.7").port(5432);
        if (weakened) {
            ledger.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary rewrites /etc; SEC-12");
        }
        return Renderer.secureByDefault().render(platform("shop")
                .gitRepository("https://git.example.com/shop/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("data").owner("data@example.com"))
                .app(ledger)
                .build()).tree();
    }

    @Test
    void aNewWeakeningFailsTheBuildWhenFailOnNamesIt() throws Exception {
        Path report = tmp.resolve("target/goldenpath-review.md");
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> ReviewMojo.review(render(false),
                render(true), ReviewFormat.MARKDOWN, ReviewMojo.policy(List.of("new-weakening")), report, new SystemStreamLog()));
        assertEquals("the change fails the review policy (1 change):\n  [weakening-added] + prod: Deployment data-prod/ledger "
                + "read-only-root-filesystem: \"vendor binary rewrites /etc; SEC-12\"", failure.getMessage());
        assertTrue(Files.readString(report).contains("<details><summary>Weakenings (1)</summary>"), "written before failing");
    }

    @Test
    void withoutAMatchingFailOnTheReviewIsWrittenAndTheBuildPasses() throws Exception {
        Path report = tmp.resolve("review.sarif");
        Review review = ReviewMojo.review(render(false), render(true), ReviewMojo.format("sarif"),
                ReviewMojo.policy(List.of("cluster-permission", "pss-lowered")), report, new SystemStreamLog());
        assertEquals(1, review.changes().size());
        assertTrue(Files.readString(report).contains("\"ruleId\" : \"weakening-added\""), Files.readString(report));
        Review none = ReviewMojo.review(render(true), render(true), ReviewFormat.JSON, Set.of(FailOn.ANY), report,
                new SystemStreamLog());
        assertTrue(none.isEmpty());
    }

    @Test
    void aWrongFormatOrFailOnValueFailsWithTheValidValues() {
        assertEquals("goldenpath.review.format: 'yaml' is not markdown, json or sarif",
                assertThrows(MojoFailureException.class, () -> ReviewMojo.format("yaml")).getMessage());
        assertTrue(assertThrows(MojoFailureException.class, () -> ReviewMojo.policy(List.of("everything"))).getMessage()
                .startsWith("goldenpath.review.failOn: unknown fail-on value 'everything'; valid: new-weakening"));
    }
}
