package dev.goldenpath.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code goldenpath} command line: renders, checks and publishes platform specs, lints foreign YAML, seals
 * secrets, draws the network graph and diffs a render against a GitOps checkout. One picocli command tree, a thin
 * shell: it parses arguments, calls the library pipeline ({@code dev.goldenpath.pipeline.Pipeline}) and prints.
 *
 * <pre>{@code
 * java -jar cli/target/goldenpath.jar render --classpath target/classes --spec com.acme.AcmeSpec
 * int exit = Goldenpath.run(new String[] {"check", "manifests/"}, System.out, System.err, System.getenv());
 * }</pre>
 *
 * <p>Exit codes: {@value #OK} success, {@value #FINDINGS} spec violations, policy findings or differences,
 * {@value #USAGE} a wrong command line, {@value #FAILED} the work could not be done (I/O, network, a refused push).
 */
@Command(name = "goldenpath",
        mixinStandardHelpOptions = true,
        versionProvider = Goldenpath.Version.class,
        usageHelpAutoWidth = true,
        optionListHeading = "%nOptions:%n",
        header = "Typed platform specs to secure-by-default Kubernetes manifests and GitOps commits.",
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "",
            "A spec is a Java class implementing dev.goldenpath.dsl.PlatformSpec. The commands load it from "
                + "--classpath (your compiled classes and their jars) and take the class named with --spec, or every "
                + "class listed in META-INF/services/dev.goldenpath.dsl.PlatformSpec.",
        },
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:spec violations, policy findings, plaintext secrets or (diff) differences",
            "2:usage error: unknown option, missing value, spec class not found",
            "3:the work could not be done: I/O, network, refused credentials or push",
        },
        footerHeading = "%n",
        // No docs path: users of the jar have no source tree to look in; every command's --help is complete.
        footer = "Run 'goldenpath COMMAND --help' for a command's options and exit codes.")
public final class Goldenpath implements Runnable {

    /**
     * The commands, in the order the help lists them. Not in {@code @Command(subcommands)}: picocli reads every
     * command's annotations when it builds the model, and a run needs only its own command's (start-up).
     */
    private static final List<Class<?>> COMMANDS = List.of(RenderCommand.class, CheckCommand.class, LintCommand.class,
            PublishCommand.class, SealCommand.class, GraphCommand.class, DiffCommand.class, ReviewCommand.class);

    /** picocli's system property naming the built-in converters it should not register (regular expressions). */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** Success. */
    public static final int OK = 0;
    /** Spec violations, policy findings, plaintext secrets, or differences found by {@code diff}. */
    public static final int FINDINGS = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** The work could not be done: I/O, network, refused credentials or push. */
    public static final int FAILED = 3;

    @Spec
    CommandSpec spec;

    final Console console;

    Goldenpath(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        defaults();
        if (args.length > 0 && args[0].equals("publish")) {
            // Beside picocli's start too, not only beside the render (JGit starts git twice to find its configuration).
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
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            // picocli registers converters for java.time and java.sql types by loading and initializing their classes
            // (java.time's formatters): no option here has such a type, and a run saved about 70 classes (start-up).
            // One expression: picocli compiles each one again for every converter it registers.
            System.setProperty(CONVERTER_EXCLUDES, "java\\.(time|sql)\\..*");
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
        CommandLine commandLine = commandLine(console, args.length > 0 ? args[0] : "");
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * The command line with the command named {@code first} only, or with every command when {@code first} names none
     * (help, a usage error, no command).
     */
    static CommandLine commandLine(Console console, String first) {
        Factory factory = new Factory(console);
        CommandLine commandLine = new CommandLine(new Goldenpath(console), factory);
        boolean named = COMMANDS.stream().anyMatch(command -> name(command).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || name(command).equals(first)) {
                try {
                    commandLine.addSubcommand(factory.create(command));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create the " + name(command) + " command", e);
                }
            }
        }
        // After the commands are added: these settings reach only the commands present when they are made.
        commandLine.setOut(new PrintWriter(console.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(console.err(), true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            // A bug or an unexpected failure: say what it was, without a stack trace for the user to decode.
            line.getErr().println("goldenpath " + line.getCommandName() + ": " + e);
            return FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        // No command: a usage error, which prints the list of commands.
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Creates the commands with the console they print to. */
    private record Factory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (java.lang.reflect.Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Console.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(console));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Goldenpath.class.getPackage().getImplementationVersion();
            return new String[] {"goldenpath " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }
}
