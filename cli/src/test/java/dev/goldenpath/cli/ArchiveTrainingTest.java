package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's training run ends as expected: every command it runs gives its exit code, and the render with a
 * platform generator passes. A failing training would leave the launcher without its class-data sharing archive.
 */
class ArchiveTrainingTest {

    @Test
    void everyTrainingCommandEndsAsExpected() throws Exception {
        assertEquals(List.of(), ArchiveTraining.train());
    }
}
