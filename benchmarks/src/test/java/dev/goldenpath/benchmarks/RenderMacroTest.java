package dev.goldenpath.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.benchmarks.SyntheticPlatforms.Shape;
import org.junit.jupiter.api.Test;

/**
 * The render benchmark measures what it says on a small platform: every phase ran, the floor wrote the same objects
 * (as many bytes, give or take the formatting of the two writers), and the bytes allocated per phase were counted.
 */
class RenderMacroTest {

    @Test
    void oneRoundMeasuresEveryPhaseAndTheFloorWritesTheSameObjects() throws Exception {
        RenderMacro.Result result = RenderMacro.run(Shape.ONE_TEAM, 40, 1, false);
        assertEquals(40, result.instances());
        assertTrue(result.documents() > 40 * 5, result.documents() + " documents");
        assertTrue(result.generate() > 0 && result.serialize() > 0 && result.floor() > 0, result.toString());
        // Both write every object: within a fifth of each other (the floor quotes and orders a little differently).
        assertTrue(Math.abs(result.floorBytes() - result.bytes()) < result.bytes() / 5,
                result.floorBytes() + " floor bytes against " + result.bytes());
        // Each phase allocates at least what it keeps: the floor its documents, serialization the tree's bytes.
        assertTrue(result.allocated().floor() >= result.floorBytes(), result.allocated().toString());
        assertTrue(result.allocated().serialize() >= result.bytes(), result.allocated().toString());
        assertTrue(result.allocated().generate() > 0, result.allocated().toString());
        assertTrue(result.cpu().serialize() > 0, result.cpu().toString());
    }

    @Test
    void theExtensionsShapeAddsItsGeneratorsTwoObjectsToEveryApp() throws Exception {
        RenderMacro.Result teams = RenderMacro.run(Shape.TEAMS, 20, 1, false);
        RenderMacro.Result extensions = RenderMacro.run(Shape.EXTENSIONS, 20, 1, false);
        assertEquals(teams.documents() + 2 * 20, extensions.documents());
    }
}
