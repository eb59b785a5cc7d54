package dev.goldenpath.lint.cli;

import dev.goldenpath.lint.Format;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.lint.Rule;
import dev.goldenpath.lint.Rules;
import dev.goldenpath.lint.Severity;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code goldenpath lint}: lints YAML files and folders and prints the report. Exit codes: 0 nothing fails, 1 a
 * finding fails, 2 usage error (unknown option, bad value, missing path).
 *
 * <pre>{@code
 * java -cp goldenpath-lint.jar:... dev.goldenpath.lint.cli.LintCommand --format sarif --require-digest manifests/
 * int exit = LintCommand.run(new String[] {"manifests/"}, System.out, System.err);   // from another CLI
 * }</pre>
 */
public final class LintCommand {

    /** Nothing fails. */
    public static final int OK = 0;
    /** At least one finding fails. */
    public static final int FINDINGS = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: goldenpath lint [options] <file-or-folder>...
              Lints every .yaml/.yml file (multi-document; Helm, Kustomize or any Kubernetes YAML).
            options:
              --format text|json|sarif|junit   report format (default text)
              --require-digest                 images must be pinned by digest (rule image-digest)
              --disable <id>[,<id>...]         turn rules off
              --enable <id>[,<id>...]          turn rules on
              --required-labels <l>[,<l>...]   labels every workload must carry (default owner,environment,app)
              --fail-on error|warning|info     lowest severity that fails (default error)
              --list-rules                     print every rule and exit
              --help                           print this help and exit
            exit codes: 0 nothing fails, 1 findings fail, 2 usage error
            exceptions: annotate an object with exception.goldenpath.dev/<rule-id>: <reason>
            """;

    private LintCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command; the report goes to {@code out}, usage errors to {@code err}. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Linter.Builder builder = Linter.builder();
        Format format = Format.TEXT;
        List<Path> paths = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            try {
                switch (arg) {
                    case "--help", "-h" -> {
                        out.print(USAGE_TEXT);
                        return OK;
                    }
                    case "--list-rules" -> {
                        out.print(ruleList());
                        return OK;
                    }
                    case "--require-digest" -> builder.requireDigest(true);
                    case "--format" -> format = Format.parse(value(args, ++i, arg));
                    case "--disable" -> builder.disable(list(value(args, ++i, arg)));
                    case "--enable" -> builder.enable(list(value(args, ++i, arg)));
                    case "--required-labels" -> builder.requiredLabels(list(value(args, ++i, arg)));
                    case "--fail-on" -> builder.failOn(Severity.parse(value(args, ++i, arg)));
                    default -> {
                        if (arg.startsWith("-")) {
                            problems.add("unknown option " + arg);
                        } else {
                            paths.add(Path.of(arg));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (paths.isEmpty()) {
            problems.add("no file or folder to lint");
        }
        Linter linter = null;
        try {
            linter = builder.build();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            return usage(err, problems);
        }
        LintReport report;
        try {
            report = linter.lint(paths);
        } catch (IllegalArgumentException e) {
            return usage(err, List.of(e.getMessage()));
        } catch (UncheckedIOException e) {
            err.println("goldenpath lint: " + e.getMessage() + ": " + e.getCause().getMessage());
            return USAGE;
        }
        out.print(report.format(format));
        out.flush();
        return report.hasFailures() ? FINDINGS : OK;
    }

    private static int usage(PrintStream err, List<String> problems) {
        for (String problem : problems) {
            err.println("goldenpath lint: " + problem);
        }
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String[] list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items.toArray(String[]::new);
    }

    private static String ruleList() {
        StringBuilder text = new StringBuilder();
        for (Rule rule : Rules.all()) {
            text.append(String.format("%-34s %-8s %s%s%n", rule.id(), rule.severity().label(), rule.title(),
                    rule.enabledByDefault() ? "" : " (off by default)"));
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
