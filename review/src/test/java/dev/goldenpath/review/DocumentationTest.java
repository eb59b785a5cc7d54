package dev.goldenpath.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.tree.RenderedTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/review.md names every rule and every fail-on value, and its Java example runs as written. */
class DocumentationTest {

    @TempDir
    Path tmp;

    @Test
    void everyRuleAndFailOnValueIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("../docs/review.md"), StandardCharsets.UTF_8);
        for (String rule : ReviewRules.DESCRIPTIONS.keySet()) {
            assertTrue(docs.contains("`" + rule + "`"), "docs/review.md does not name rule " + rule);
        }
        for (FailOn value : FailOn.values()) {
            assertTrue(docs.contains("| `" + value.id() + "` |"), "docs/review.md does not list --fail-on " + value.id());
        }
        for (Section section : Section.values()) {
            assertTrue(docs.contains("\"" + section.id() + "\""), "the JSON example lacks section " + section.id());
        }
    }

    @Test
    void theJavaExampleRunsAsWritten() throws Exception {
        Path gitops = tmp.resolve("gitops");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(gitops.toFile())
                .setInitialBranch("main").call()) {
            Platforms.render().writeTo(gitops);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("render").setSign(false).setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").call();
        }
        dev.goldenpath.dsl.Platform platform = dev.goldenpath.dsl.GoldenPath.platform("acme")
                .gitRepository("https://git.example.com/acme/gitops.git")
                .environment(dev.goldenpath.dsl.GoldenPath.environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.20.0.10/32"))
                .team(dev.goldenpath.dsl.GoldenPath.team("web").owner("web@example.com"))
                .app(dev.goldenpath.dsl.GoldenPath.app("frontend").team("web").image("r.example.com/web/frontend:2.3.1").port(8080))
                .build();
        // From docs/review.md, "From Java" (the base location adapted to the test's folder):
        RenderedTree base = BaseTree.read(gitops + "@main", "");
        RenderedTree head = Renderer.secureByDefault().render(platform).tree();
        Review review = Review.between(base, head);
        String comment = review.format(ReviewFormat.MARKDOWN);
        List<Change> failing = review.violations(FailOn.parse(List.of("new-weakening,cluster-permission")));
        for (Change change : review.changes()) {
            System.out.println(change.rule() + " " + change.impact() + " " + change.line() + " (" + change.path() + ")");
        }
        assertTrue(comment.startsWith("### goldenpath security review"), comment);
        assertEquals(List.of(), failing);
        assertTrue(review.changes().stream().anyMatch(c -> c.line().equals("- prod: data-prod/ledger container ledger")
                || c.rule().equals("image-removed")), comment);
    }
}
