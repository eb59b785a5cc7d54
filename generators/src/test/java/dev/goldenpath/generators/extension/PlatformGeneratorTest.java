package dev.goldenpath.generators.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.generators.report.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Platform generators: found as services, deterministic, placed and checked like everything else. */
class PlatformGeneratorTest {

    @Test
    void generatorsListedAsServicesAreFoundInClassNameOrder() {
        List<PlatformGenerator> found = PlatformGenerator.find(getClass().getClassLoader());
        assertEquals(List.of(CostCenterLabels.class, ScrapeTargets.class), found.stream().map(Object::getClass).toList());
    }

    @Test
    void aGeneratorContributesToEveryMatchingAppDeterministicallyAndPassesTheChecks() {
        Rendering first = Renderer.secureByDefault().generators(getClass().getClassLoader()).render(Platforms.shop());
        Rendering second = Renderer.secureByDefault().generator(new CostCenterLabels()).generator(new ScrapeTargets())
                .render(Platforms.shop());
        RenderedTree tree = first.tree();
        assertEquals(tree, second.tree(), "the same generators give byte-identical trees");
        for (String environment : List.of("staging", "prod")) {
            JsonNode target = Platforms.read(tree, "apps/" + environment + "/exporter/configmap-exporter-scrape.yaml");
            assertEquals("exporter.web-" + environment + ".svc:9100", target.at("/data/target").asText());
            assertTrue(tree.text("apps/" + environment + "/exporter/kustomization.yaml").orElseThrow()
                    .contains("configmap-exporter-scrape.yaml"));
        }
        assertTrue(tree.paths().stream().noneMatch(p -> p.startsWith("apps/prod/web/configmap")), "only apps with metrics");
        // The change applies to every object of every app, the contributed ones included.
        for (String path : tree.paths()) {
            if (path.startsWith("apps/") && !path.endsWith("kustomization.yaml")) {
                assertEquals("cc-42", Platforms.read(tree, path).at("/metadata/labels/cost-center").asText(), path);
            }
        }
        assertEquals("cc-42", Platforms.read(tree, "platform/prod/extensions/configmap-scrape-index.yaml")
                .at("/data/cost-center").asText());
        assertEquals(List.of(), Linter.defaults().lint(tree).failing());
    }

    @Test
    void aGeneratorThatThrowsFailsTheRenderNamingIt() {
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .generator(new PlatformGenerator() {
                    @Override
                    public void contribute(AppContext app) {
                        throw new IllegalStateException("no quota for " + app.instance().name());
                    }
                }).render(Platforms.shop()));
        assertTrue(failure.getMessage().contains("threw IllegalStateException: no quota for web"), failure.getMessage());
    }
}
