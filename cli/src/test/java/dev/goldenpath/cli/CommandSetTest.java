package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

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

    /**
     * {@code main} tells picocli not to register its java.time and java.sql converters (start-up): an option of such a
     * type would then fail at parse time, so none may have one, at any depth of a generic type.
     */
    @Test
    void noOptionNeedsAConverterThatMainLeavesOut() {
        List<Pattern> excluded = Stream.of(mainExcludes().split(",")).map(Pattern::compile).toList();
        assertTrue(excluded.stream().anyMatch(p -> p.matcher("java.time.Duration").matches()), excluded.toString());
        assertTrue(excluded.stream().noneMatch(p -> p.matcher("java.nio.file.Path").matches()), excluded.toString());
        List<String> found = new ArrayList<>();
        List<CommandLine> lines = new ArrayList<>(List.of(Goldenpath.commandLine(console, "")));
        for (int i = 0; i < lines.size(); i++) {
            CommandLine line = lines.get(i);
            lines.addAll(line.getSubcommands().values());
            for (ArgSpec arg : line.getCommandSpec().args()) {
                List<Class<?>> types = new ArrayList<>(List.of(arg.type()));
                types.addAll(List.of(arg.auxiliaryTypes()));
                for (Class<?> type : types) {
                    if (excluded.stream().anyMatch(p -> p.matcher(type.getName()).matches())) {
                        found.add(line.getCommandName() + " " + arg + ": " + type.getName());
                    }
                }
            }
        }
        assertTrue(lines.size() > ALL.size(), "walked " + lines.size() + " command lines");
        assertEquals(List.of(), found);
    }

    /** The value {@code main} sets, read by running its first lines with the property unset. */
    private static String mainExcludes() {
        String before = System.clearProperty(Goldenpath.CONVERTER_EXCLUDES);
        try {
            Goldenpath.defaults();
            return System.getProperty(Goldenpath.CONVERTER_EXCLUDES);
        } finally {
            if (before == null) {
                System.clearProperty(Goldenpath.CONVERTER_EXCLUDES);
            } else {
                System.setProperty(Goldenpath.CONVERTER_EXCLUDES, before);
            }
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
