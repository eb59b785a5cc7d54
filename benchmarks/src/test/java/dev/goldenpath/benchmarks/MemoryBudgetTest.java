package dev.goldenpath.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The render's memory budget (docs/benchmarks.md, "Memory budget"), held in a JVM of its own per shape so that no
 * other test's objects count:
 * <ul>
 *   <li>what a render keeps reachable with its result held is at most {@value #RETAINED_PER_OUTPUT_BYTE} times its
 *       output (measured after full collections: independent of heap size and timing);</li>
 *   <li>its peak is bounded too: the render completes in a heap of {@value #PEAK_BASE_MB} MB plus
 *       {@value #PEAK_PER_OUTPUT_BYTE} times its output. Measured with {@code -Xmx}, the JVM's own hard limit, not
 *       with pool peaks that count garbage the collector had no reason to collect yet.</li>
 * </ul>
 * A control shows the limit bites: in a heap of a quarter of that the same render fails with
 * {@link OutOfMemoryError}.
 */
class MemoryBudgetTest {

    /** What the result holds: its trees, the bytes, the reports (4.3 to 6.1 times the output when written). */
    static final int RETAINED_PER_OUTPUT_BYTE = 8;
    /** The peak: 8.3 to 8.8 times the output above a base of about 5 MB when written (one-team, mix). */
    static final int PEAK_PER_OUTPUT_BYTE = 11;
    static final int PEAK_BASE_MB = 32;

    private static final Pattern OUTPUT = Pattern.compile("\"outputBytes\":(\\d+),\"retainedBytes\":(\\d+)");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, {1} apps")
    @CsvSource({"one-team, 1000", "teams, 1000", "mix, 400", "kinds, 600", "fan-in, 600", "many-envs, 200",
            "extensions, 600"})
    void aRenderKeepsAndPeaksWithinItsBudget(String shape, int apps) throws Exception {
        Run measured = run(shape, apps, 1024);
        assertEquals(0, measured.exit, measured.output);
        long output = measured.outputBytes();
        long retained = measured.retainedBytes();
        assertTrue(retained <= RETAINED_PER_OUTPUT_BYTE * output, shape + ": the result holds " + retained
                + " bytes for " + output + " bytes of output, over " + RETAINED_PER_OUTPUT_BYTE + " times");

        int budget = budgetMb(output);
        Run bounded = run(shape, apps, budget);
        assertEquals(0, bounded.exit, shape + ", " + apps + " apps (" + output + " bytes of output) did not render in "
                + budget + " MB of heap:\n" + bounded.output);
        assertEquals(output, bounded.outputBytes(), "the same render in the smaller heap");
    }

    @Test
    void aHeapBelowTheBudgetIsTooSmall() throws Exception {
        Run measured = run("one-team", 1000, 1024);
        assertEquals(0, measured.exit, measured.output);
        int quarter = budgetMb(measured.outputBytes()) / 4;
        Run starved = run("one-team", 1000, quarter);
        assertNotEquals(0, starved.exit, "rendered in " + quarter + " MB: the budget does not bound anything");
        assertTrue(starved.output.contains("OutOfMemoryError"), starved.output);
    }

    private static int budgetMb(long outputBytes) {
        return PEAK_BASE_MB + (int) Math.ceil(PEAK_PER_OUTPUT_BYTE * outputBytes / (1024.0 * 1024.0));
    }

    private record Run(int exit, String output) {
        long outputBytes() {
            return Long.parseLong(figures().group(1));
        }

        long retainedBytes() {
            return Long.parseLong(figures().group(2));
        }

        private Matcher figures() {
            Matcher matcher = OUTPUT.matcher(output);
            assertTrue(matcher.find(), "no figures in: " + output);
            return matcher;
        }
    }

    /** {@link MemoryBudget} in a JVM with this heap, the serial collector and C1 only (a short run). */
    private Run run(String shape, int apps, int heapMb) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MemoryBudget.class.getName(), shape, Integer.toString(apps)));
        Path log = tmp.resolve(shape + "-" + heapMb + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        return new Run(exit, Files.readString(log, StandardCharsets.UTF_8));
    }
}
