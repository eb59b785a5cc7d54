package dev.goldenpath.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code goldenpath} command line: renders, checks and publishes platform specs, lints foreign YAML, seals
 * secrets, draws the network graph and diffs a render against a GitOps checkout. A thin shell: it parses arguments
 * ({@link Syntax}), calls the library pipeline ({@code dev.goldenpath.pipeline.Pipeline}) and prints.
 *
 * <pre>{@code
 * java -jar cli/target/goldenpath.jar render --classpath target/classes --spec com.acme.AcmeSpec
 * int exit = Goldenpath.run(new String[] {"check", "manifests/"}, System.out, System.err, System.getenv());
 * }</pre>
 *
 * <p>Exit codes: {@value #OK} success, {@value #FINDINGS} spec violations, policy findings or differences,
 * {@value #USAGE} a wrong command line, {@value #FAILED} the work could not be done (I/O, network, a refused push).
 */
public final class Goldenpath {

    /**
     * The commands, in the order the help lists them. A run creates only its own command ({@link #create}); help and a
     * mistyped command name read the others' headers.
     */
    private static final List<String> COMMANDS = List.of("render", "check", "lint", "publish", "seal", "graph", "diff",
            "review");

    /** Success. */
    public static final int OK = 0;
    /** Spec violations, policy findings, plaintext secrets, or differences found by {@code diff}. */
    public static final int FINDINGS = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** The work could not be done: I/O, network, refused credentials or push. */
    public static final int FAILED = 3;

    private Goldenpath() {
    }

    public static void main(String[] args) {
        defaults();
        if (args.length > 0 && args[0].equals("publish")) {
            // Beside the spec's loading too, not only beside the render (JGit starts git twice to find its configuration).
            GitConfiguration.loadInBackground();
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err, System.getenv()));
    }

    /** The process-wide settings of a command-line run, each unless the user set it (-D...). */
    static void defaults() {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // fabric8 and JGit log through SLF4J; without a binding SLF4J would warn on every run.
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /**
     * Runs one command line and returns its exit code. Output goes to {@code out}, messages and progress to
     * {@code err}; {@code env} stands for the process environment (tokens are read from it).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, InputStream.nullInputStream(), out, err, env);
    }

    /** Like {@link #run(String[], PrintStream, PrintStream, Map)}, with {@code in} as standard input. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Objects.requireNonNull(args, "args");
        Console console = new Console(in, out, err, env);
        int exit = dispatch(console, Arrays.asList(args));
        out.flush();
        err.flush();
        return exit;
    }

    /** {@code goldenpath [-hV] COMMAND [ARGS]}: the command named first, parsed and run, or help, or a usage error. */
    private static int dispatch(Console console, List<String> given) {
        List<String> args;
        try {
            args = Syntax.expandArgumentFiles(given);
        } catch (UsageError e) {
            console.err().println("goldenpath: " + e.getMessage());
            return USAGE;
        }
        String first = args.isEmpty() ? "" : args.get(0);
        Command command = create(first, console);
        if (command == null) {
            return withoutCommand(console, first);
        }
        Syntax syntax = new Syntax("goldenpath " + first);
        command.declare(syntax);
        Syntax.Parse parse = syntax.parse(args.subList(1, args.size()));
        if (answered(console, syntax, parse)) {
            return OK;
        }
        try {
            List<String> problems = new ArrayList<>(parse.problems());
            problems.addAll(command.problems());
            if (!problems.isEmpty()) {
                return usageError(console, syntax, problems);
            }
            return command.call();
        } catch (RuntimeException e) {
            // A bug or an unexpected failure: say what it was, without a stack trace for the user to decode.
            console.err().println(syntax.command() + ": " + e);
            return FAILED;
        }
    }

    /** No command first: help, the version, or a usage error that lists the commands (or the closest ones). */
    private static int withoutCommand(Console console, String first) {
        if (first.startsWith("-")) {
            // The version needs none of the commands that the help lists: answered before they are made (about half
            // of a --version run).
            Syntax.Parse options = new Syntax("goldenpath").parse(List.of(first));
            if (options.version() && !options.help()) {
                console.out().println(version());
                return OK;
            }
        }
        Syntax syntax = syntax(console);
        if (first.isEmpty()) {
            console.err().println("goldenpath: a command is required");
            console.err().print(syntax.help());
            return USAGE;
        }
        if (first.startsWith("-")) {
            // -h, --help, -V, --version, -hV: the options before a command.
            if (answered(console, syntax, syntax.parse(List.of(first)))) {
                return OK;
            }
            console.err().println("goldenpath: unknown option '" + first + "'");
        } else {
            List<String> close = Syntax.closest(first, COMMANDS);
            console.err().println("goldenpath: unknown command '" + first + "'"
                    + (close.isEmpty() ? "" : ". Did you mean: goldenpath " + String.join(" or goldenpath ", close) + "?"));
        }
        console.err().println(syntax.usage());
        console.err().println("Run 'goldenpath --help' for the commands.");
        return USAGE;
    }

    /** Prints the help or the version when the parse asked for one (help first); whether it did. */
    private static boolean answered(Console console, Syntax syntax, Syntax.Parse parse) {
        if (parse.help()) {
            console.out().print(syntax.help());
            return true;
        }
        if (parse.version()) {
            console.out().println(version());
            return true;
        }
        return false;
    }

    /** Every mistake on the command line, one a line, then how to find the right form. */
    static int usageError(Console console, Syntax syntax, List<String> problems) {
        for (String problem : problems) {
            console.err().println(syntax.command() + ": " + problem);
        }
        console.err().println(syntax.usage());
        console.err().println("Run '" + syntax.command() + " --help' for the options.");
        return USAGE;
    }

    /** The command line of commands, with each command's header (each command is created, none runs). */
    static Syntax syntax(Console console) {
        Syntax syntax = new Syntax("goldenpath")
                .header("Typed platform specs to secure-by-default Kubernetes manifests and GitOps commits.")
                .description("A spec is a Java class implementing dev.goldenpath.dsl.PlatformSpec. The commands load it "
                        + "from --classpath (your compiled classes and their jars) and take the class named with --spec, "
                        + "or every class listed in META-INF/services/dev.goldenpath.dsl.PlatformSpec.");
        for (String name : COMMANDS) {
            Syntax command = new Syntax("goldenpath " + name);
            create(name, console).declare(command);
            syntax.command(name, command.header());
        }
        return syntax.exitCode(OK, "success")
                .exitCode(FINDINGS, "spec violations, policy findings, plaintext secrets or (diff) differences")
                .exitCode(USAGE, "usage error: unknown option, missing value, spec class not found")
                .exitCode(FAILED, "the work could not be done: I/O, network, refused credentials or push")
                // No docs path: users of the jar have no source tree to look in; every command's --help is complete.
                .footer("Run 'goldenpath COMMAND --help' for a command's options and exit codes.");
    }

    /** The names of the commands, in the help's order. */
    static List<String> commandNames() {
        return COMMANDS;
    }

    /** The command named {@code name}, printing to {@code console}; null when there is none of that name. */
    private static Command create(String name, Console console) {
        // A switch, not a map of constructor references: linking one costs a run about a millisecond (start-up).
        return switch (name) {
            case "render" -> new RenderCommand(console);
            case "check" -> new CheckCommand(console);
            case "lint" -> new LintCommand(console);
            case "publish" -> new PublishCommand(console);
            case "seal" -> new SealCommand(console);
            case "graph" -> new GraphCommand(console);
            case "diff" -> new DiffCommand(console);
            case "review" -> new ReviewCommand(console);
            default -> null;
        };
    }

    /** {@code goldenpath 0.1.0}: the version from the jar's manifest. */
    static String version() {
        String version = Goldenpath.class.getPackage().getImplementationVersion();
        return "goldenpath " + (version == null ? "0.1.0-SNAPSHOT" : version);
    }
}
