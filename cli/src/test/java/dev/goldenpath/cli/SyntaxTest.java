package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line parser: the forms people type, and every mistake reported at once, each with what would be right. */
class SyntaxTest {

    private final List<String> specs = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();
    private Path dir;
    private OutputFormat output;
    private String checkout;
    private boolean clean;

    private Syntax syntax() {
        return new Syntax("goldenpath test")
                .header("A command for the test.")
                .operands("PATH", "Files.", operands::add)
                .repeatable("--spec", "CLASS", "A spec class.", specs::add)
                .list("--enable", "RULE", ",", "Rules.", rules::add)
                .option("-d, --dir", "DIR", "Where.", value -> dir = Path.of(value))
                .option("-o, --output", "FORMAT", "text or json.", value -> output = Syntax.choice(OutputFormat.class, value))
                .required("--checkout", "DIR", "The checkout.", value -> checkout = value)
                .flag("--clean", "Clean.", () -> clean = true);
    }

    @Test
    void takesValuesInEveryUsualForm() {
        Syntax.Parse parse = syntax().parse(List.of("--checkout", "c", "-d", "out", "--spec=a.B", "--spec", "c.D",
                "-ojson", "--enable", "x,y", "--enable=z", "file.yaml", "--clean", "--", "--not-an-option"));
        assertEquals(List.of(), parse.problems());
        assertEquals(Path.of("out"), dir);
        assertEquals(List.of("a.B", "c.D"), specs);
        assertEquals(List.of("x", "y", "z"), rules);
        assertEquals(OutputFormat.JSON, output);
        assertEquals("c", checkout);
        assertTrue(clean);
        assertEquals(List.of("file.yaml", "--not-an-option"), operands);
    }

    @Test
    void oneLetterFlagsGoTogetherAndTheLastMayTakeAValue() {
        Syntax.Parse parse = syntax().parse(List.of("--checkout=c", "-xo", "json"));
        assertEquals(List.of("unknown option '-xo' (did you mean -o?)"), parse.problems(), "-x is no option: no group");
        Syntax.Parse help = new Syntax("goldenpath test").flag("-u, --unified", "Unified.", () -> clean = true)
                .parse(List.of("-uh"));
        assertTrue(help.help());
        assertTrue(clean);
        boolean[] unified = {false};
        Syntax grouped = new Syntax("goldenpath test").flag("-u, --unified", "Unified.", () -> unified[0] = true)
                .option("-o, --output", "FORMAT", "Format.", value -> output = Syntax.choice(OutputFormat.class, value));
        assertEquals(List.of(), grouped.parse(List.of("-uojson")).problems());
        assertTrue(unified[0]);
        assertEquals(OutputFormat.JSON, output);
        output = null;
        assertEquals(List.of(), grouped.parse(List.of("-uo", "text")).problems());
        assertEquals(OutputFormat.TEXT, output);
    }

    @Test
    void argumentFilesHoldArgumentsAsJavaReadsThem(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("args");
        java.nio.file.Files.writeString(file, """
                # the class path, too long for a command line
                -cp target/classes:"lib/with space.jar"
                  --spec 'com.example.Shop Spec'   --clean
                """);
        assertEquals(List.of("render", "-cp", "target/classes:lib/with space.jar", "--spec", "com.example.Shop Spec",
                        "--clean", "@literal"),
                Syntax.expandArgumentFiles(List.of("render", "@" + file, "@@literal")));
        UsageError missing = assertThrows(UsageError.class,
                () -> Syntax.expandArgumentFiles(List.of("@" + tmp.resolve("nope"))));
        assertTrue(missing.getMessage().startsWith("cannot read the argument file "), missing.getMessage());
        java.nio.file.Files.writeString(file, "--spec 'open");
        assertThrows(UsageError.class, () -> Syntax.expandArgumentFiles(List.of("@" + file)));
    }

    @Test
    void choicesIgnoreCase() {
        assertEquals(List.of(), syntax().parse(List.of("--checkout=c", "--output", "JSON")).problems());
        assertEquals(OutputFormat.JSON, output);
    }

    @Test
    void listsEveryMistakeWithWhatIsRight() {
        Syntax.Parse parse = syntax().parse(List.of("--dri", "x", "-o", "yaml", "--clean=yes", "-d", "a", "--dir", "b",
                "--spec"));
        assertEquals(List.of(
                "unknown option '--dri' (did you mean --dir?)",
                "invalid value 'yaml' for -o: expected text, json",
                "--clean takes no value, but was given 'yes'",
                "--dir is given more than once (it takes one DIR)",
                "--spec needs a value (CLASS)",
                "missing required option --checkout=DIR"), parse.problems());
        assertEquals(List.of(), operands, "the value of what --dri meant (--dir) is no operand, nor one more mistake");
        assertEquals(List.of("unknown option '--nothing-close'", "unknown option '--clen' (did you mean --clean?)"),
                syntax().parse(List.of("--checkout=c", "--nothing-close", "--clen", "x")).problems());
        assertEquals(List.of("x"), operands, "after an unknown option like no option that takes a value: an operand");
    }

    @Test
    void anOptionIsNeverTakenAsTheValueOfAnother() {
        Syntax.Parse parse = syntax().parse(List.of("--checkout", "c", "--dir", "--clean"));
        assertEquals(List.of("--dir needs a value (DIR)"), parse.problems());
        assertTrue(clean);
        assertEquals(null, dir);
    }

    @Test
    void helpAndVersionWinOverMistakes() {
        Syntax.Parse help = syntax().parse(List.of("--nope", "-h"));
        assertTrue(help.help());
        Syntax.Parse version = syntax().parse(List.of("--version"));
        assertTrue(version.version());
        assertEquals(List.of(), version.problems(), "no required option is missing when only the version is asked for");
    }

    @Test
    void withoutOperandsAnArgumentThatIsNoOptionIsAMistake() {
        Syntax syntax = new Syntax("goldenpath x").flag("--clean", "Clean.", () -> clean = true);
        assertEquals(List.of("unexpected argument 'stray'"), syntax.parse(List.of("stray")).problems());
    }

    @Test
    void theValueOfAnUnknownOptionIsNeverEchoed() {
        Syntax syntax = new Syntax("goldenpath x").option("--token-env", "VARIABLE", "Variable.", value -> { });
        List<String> problems = syntax.parse(List.of("--tkn", "s3cr3t-value", "--token", "an0ther")).problems();
        assertEquals(List.of("unknown option '--tkn'", "unknown option '--token' (did you mean --token-env?)"), problems);
        assertFalse(problems.toString().contains("s3cr3t") || problems.toString().contains("an0ther"), problems.toString());
    }

    @Test
    void helpListsOptionsSortedInTwoColumnsWrappedAtEighty() {
        String help = syntax().help();
        assertTrue(help.startsWith("A command for the test.\nUsage: goldenpath test --checkout=DIR [OPTIONS] [PATH...]\n"),
                help);
        assertTrue(help.contains("""
                Options:
                      --checkout=DIR    The checkout.
                      --clean           Clean.
                  -d, --dir=DIR         Where.
                      --enable=RULE[,RULE...]
                                        Rules.
                  -h, --help            Show this help message and exit.
                  -o, --output=FORMAT   text or json.
                      --spec=CLASS      A spec class.
                  -V, --version         Print version information and exit.
                """), help);
        Syntax wide = new Syntax("goldenpath wide").flag("--long", "word ".repeat(30).strip(), () -> { });
        for (String line : wide.help().split("\n")) {
            assertTrue(line.length() <= Syntax.WIDTH, line);
        }
        // "  -V, --version" is the widest, 15: descriptions start 3 after it, at 18, and go on at 20.
        assertTrue(wide.help().contains("\n      --long      word word"), wide.help());
        assertTrue(wide.help().contains("\n" + " ".repeat(20) + "word"), "continuation lines indent by two:\n"
                + wide.help());
    }

    @Test
    void mistypedNamesAreMatchedByEditsOrByTheirStart() {
        assertEquals(List.of("render"), Syntax.closest("rendr", List.of("render", "review", "check")));
        assertEquals(List.of("review"), Syntax.closest("reveiw", List.of("render", "review", "check")));
        assertEquals(List.of("--sealing-cert", "--sealing-key-file"),
                Syntax.closest("--sealing", List.of("--sealing-cert", "--sealing-key-file", "--spec")));
        assertEquals(List.of(), Syntax.closest("deploy", List.of("render", "review", "check")));
    }

    @Test
    void anOptionDeclaredTwiceIsABug() {
        assertThrows(IllegalStateException.class, () -> new Syntax("goldenpath x").flag("--help", "again", () -> { }));
        assertFalse(new Syntax("goldenpath x").help().isEmpty());
    }
}
