package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A weakening whose rule id only the DSL knows (egress to every address) is listed in the render report but written
 * as no weakening annotation: the linter, which checks the rendered tree, would refuse an unknown rule id.
 */
class DslOnlyWeakeningTest {

    @Test
    void egressAnywhereRendersAndPassesTheLinterWithoutAnAnnotation() {
        String reason = "crawler fetches arbitrary sites; NET-9 approved by security";
        Rendering rendering = Renderer.secureByDefault().render(SecureByDefaultTest.minimal(a -> a
                .callsExternal(cidr("0.0.0.0/0").allPorts()).weaken(Weakening.EGRESS_TO_ANYWHERE, reason)));
        RenderedTree tree = rendering.tree();
        List<String> policies = tree.paths().stream().filter(p -> p.startsWith("apps/prod/api/") && p.contains("networkpolicy"))
                .toList();
        assertTrue(policies.stream().anyMatch(p -> tree.text(p).orElseThrow().contains("0.0.0.0/0")), policies::toString);
        assertFalse(tree.paths().stream().anyMatch(p -> tree.text(p).orElse("").contains("weakening.goldenpath.dev/egress-anywhere")));
        assertEquals(1, rendering.report().weakenings().size());
        assertTrue(tree.text("docs/weakenings.md").orElseThrow().contains(reason));
    }
}
