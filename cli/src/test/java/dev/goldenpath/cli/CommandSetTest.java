package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands: listed in the help's order, each with complete help that fits the terminal, matched when mistyped. */
class CommandSetTest {

    private static final List<String> ALL = List.of("render", "check", "lint", "publish", "seal", "graph", "diff", "review");

    @Test
    void theCommandsAreTheDocumentedOnesInOrder() {
        assertEquals(ALL, Goldenpath.commandNames());
    }

    @Test
    void everyCommandsHelpHasItsExitCodesAndFitsEightyColumns() {
        List<String> problems = new ArrayList<>();
        for (String command : ALL) {
            Run run = Run.of(command, "--help");
            assertEquals(Goldenpath.OK, run.exit(), run.toString());
            String help = run.out();
            if (header(command).isBlank() || !help.startsWith(header(command) + "\nUsage: goldenpath " + command + " ")) {
                problems.add(command + ": no header and usage line first:\n" + help);
            }
            if (!help.contains("\nOptions:\n") || !help.contains("\nExit codes:\n  0   ")
                    || !help.contains("  -h, --help ")) {
                problems.add(command + ": options, help or exit codes missing:\n" + help);
            }
            for (String line : help.split("\n")) {
                // A line may be longer only when it is one word (a long option with its value).
                if (line.length() > Syntax.WIDTH && line.strip().contains(" ")) {
                    problems.add(command + ": line over " + Syntax.WIDTH + " columns: " + line);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMistypedCommandIsMatchedAgainstEveryCommand() {
        Run run = Run.of("rendr");
        assertEquals(Goldenpath.USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("goldenpath: unknown command 'rendr'. Did you mean: goldenpath render?\n"),
                run.toString());
        Run review = Run.of("reveiw");
        assertTrue(review.err().contains("Did you mean: goldenpath review?"), review.toString());
        Run nothingClose = Run.of("deploy");
        assertEquals(Goldenpath.USAGE, nothingClose.exit());
        assertTrue(nothingClose.err().startsWith("goldenpath: unknown command 'deploy'\nUsage: goldenpath [-hV] COMMAND\n"),
                nothingClose.toString());
    }

    @Test
    void beforeACommandOnlyHelpAndVersionAreOptions() {
        Run both = Run.of("-hV");
        assertEquals(Goldenpath.OK, both.exit(), both.toString());
        assertTrue(both.out().startsWith("Typed platform specs"), both.toString());
        Run version = Run.of("-V");
        assertTrue(version.out().matches("goldenpath \\S+\n"), version.toString());
        Run unknown = Run.of("--dir", "out");
        assertEquals(Goldenpath.USAGE, unknown.exit());
        assertTrue(unknown.err().startsWith("goldenpath: unknown option '--dir'\nUsage: goldenpath [-hV] COMMAND\n"),
                unknown.toString());
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
            assertTrue(run.out().contains("\n  " + command + " " + " ".repeat("publish".length() - command.length())
                    + " " + header(command) + "\n"), command + "'s header is its line:\n" + run.out());
        }
    }

    /** The first line of the command's own help. */
    private static String header(String command) {
        return Run.of(command, "--help").out().lines().findFirst().orElseThrow();
    }
}
