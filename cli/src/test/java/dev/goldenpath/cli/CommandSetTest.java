package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run builds only the command it runs; help and usage errors see every command, in the help's order. */
class CommandSetTest {

    private static final List<String> ALL = List.of("render", "check", "lint", "publish", "seal", "graph", "diff", "review");

    private final Console console = new Console(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(OutputStream.nullOutputStream()), Map.of());

    @Test
    void buildsOnlyTheCommandBeingRun() {
        for (String command : ALL) {
            assertEquals(List.of(command), List.copyOf(Goldenpath.commandLine(console, command).getSubcommands().keySet()));
        }
    }

    @Test
    void buildsEveryCommandForHelpAndMistakes() {
        for (String first : List.of("", "--help", "-V", "rendr", "help")) {
            assertEquals(ALL, List.copyOf(Goldenpath.commandLine(console, first).getSubcommands().keySet()), first);
        }
    }

    @Test
    void aMistypedCommandIsMatchedAgainstEveryCommand() {
        Run run = Run.of("rendr");
        assertEquals(Goldenpath.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("Did you mean: goldenpath render or goldenpath review?"), run.toString());
    }

    @Test
    void helpListsEveryCommandInOrder() {
        Run run = Run.of("--help");
        assertEquals(Goldenpath.OK, run.exit(), run.toString());
        int last = -1;
        for (String command : ALL) {
            int at = run.out().indexOf("\n  " + command + " ");
            assertTrue(at > last, command + " listed after the one before it:\n" + run.out());
            last = at;
        }
    }
}
