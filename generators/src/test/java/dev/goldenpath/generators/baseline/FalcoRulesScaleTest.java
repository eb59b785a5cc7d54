package dev.goldenpath.generators.baseline;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.tree.RenderedTree;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Falco's rules must fit ConfigMaps (1 MiB each) on a platform of thousands of apps. */
class FalcoRulesScaleTest {

    private static Platform platformOf(int apps, UnaryOperator<App.Builder> profile) {
        Platform.Builder spec = platform("big").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("t").owner("t@example.com"));
        for (int i = 0; i < apps; i++) {
            spec.app(profile.apply(app("app" + i).team("t").image("r.example.com/app" + i + ":1").port(8080)));
        }
        return spec.build();
    }

    @Test
    void appsOnTheDefaultProfileShareTwoRules() {
        SortedMap<String, String> files = FalcoRules.files(platformOf(3000, a -> a).instances(), FalcoRules.MAX_FILE_BYTES);
        assertEquals(1, files.size());
        String rules = files.get("goldenpath-rules.yaml");
        assertTrue(rules.length() < 4096, "size " + rules.length());
        assertEquals(2, rules.split("\n- rule:").length - 1 + (rules.startsWith("- rule:") ? 1 : 0));
    }

    @Test
    void ownProfilesAreSplitIntoConfigMapsBelowTheObjectLimit() {
        Platform platform = platformOf(3000, a -> a.runtimeProfile(runtimeProfile().allowProcesses("/app/server")));
        SortedMap<String, String> files = FalcoRules.files(platform.instances(), FalcoRules.MAX_FILE_BYTES);
        assertTrue(files.size() > 1, "files " + files.size());
        files.values().forEach(text -> assertTrue(text.length() <= FalcoRules.MAX_FILE_BYTES, "size " + text.length()));
        assertTrue(files.get(files.firstKey()).contains("- macro: " + FalcoRules.SPAWNED), "macros come first");
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        long configMaps = tree.paths().stream().filter(p -> p.startsWith("platform/prod/falco/configmap-falco-rules")).count();
        assertEquals(files.size(), configMaps);
        String daemonSet = tree.text("platform/prod/falco/daemonset.yaml").orElseThrow();
        assertTrue(daemonSet.contains("projected:") && daemonSet.contains("name: falco-rules-002"), "projected volume");
    }
}
