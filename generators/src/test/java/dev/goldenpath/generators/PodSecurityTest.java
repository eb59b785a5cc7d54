package dev.goldenpath.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered pod template passes Pod Security Standards restricted, with no option set by the user. */
class PodSecurityTest {

    @ParameterizedTest(name = "random platform {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void everyRenderedWorkloadPassesRestricted(long seed) {
        Platform platform = AllowedGraphTest.randomPlatform(new Random(seed));
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        LintReport report = Linter.defaults().lint(tree);
        List<Finding> apps = report.findings().stream().filter(f -> f.file().startsWith("apps/")).toList();
        assertEquals(List.of(), apps, "seed " + seed + ": app workloads get no finding at all, not even a warning");
        assertTrue(report.objectCount() > 0);
        // The platform's own privileged agent (Falco) and the scan's read-only API access (Trivy) are the only
        // exceptions, and every finding on them is declared.
        assertEquals(List.of(), report.failing(), "seed " + seed);
        assertTrue(report.findings().stream().allMatch(f -> f.weakened()
                && (f.file().contains("/falco/") || f.file().contains("/trivy/"))), "seed " + seed);
    }
}
