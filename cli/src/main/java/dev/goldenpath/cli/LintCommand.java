package dev.goldenpath.cli;

import dev.goldenpath.lint.Format;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.lint.Rule;
import dev.goldenpath.lint.Rules;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code goldenpath lint}: lints Kubernetes YAML files and folders (Helm output, Kustomize builds, vendor manifests)
 * with the rules the render-time policy applies, and prints the report.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        header = "Lint Kubernetes YAML with the platform's policy rules.",
        description = {
            "Lints every .yaml/.yml file of each PATH (multi-document; Helm, Kustomize or any Kubernetes YAML) with the "
                + "rules goldenpath applies to its own renders: Pod Security Standards restricted, NSA/CISA hardening, "
                + "CIS. Every finding is listed, not only the first.",
            "",
            "An object takes a weakening of a rule with the annotation weakening.goldenpath.dev/<rule-id>: <reason>.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing fails", "1:findings fail", "2:usage error: unknown option or rule, missing path"})
final class LintCommand implements Callable<Integer> {

    private final Console console;

    @Spec
    CommandSpec spec;

    @Mixin
    LintOptions options;

    @Option(names = {"-o", "--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--list-rules", description = "Print every rule and exit.")
    boolean listRules;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "YAML files or folders.")
    List<Path> paths = new ArrayList<>();

    /** Unknown options, reported together with every other mistake. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    LintCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (listRules) {
            console.out().print(ruleList());
            return Goldenpath.OK;
        }
        List<String> problems = new ArrayList<>();
        unmatched.forEach(arg -> problems.add("unknown option " + arg));
        if (paths.isEmpty()) {
            problems.add("no file or folder to lint");
        }
        int exit = lint(console, "lint", options, output, paths, problems);
        if (exit == Goldenpath.USAGE) {
            console.err().print(spec.commandLine().getUsageMessage());
        }
        return exit;
    }

    /**
     * Lints {@code paths} and prints the report in {@code output}'s format; usage mistakes (with those already in
     * {@code problems}) are printed as {@code goldenpath COMMAND: problem}, one a line.
     */
    static int lint(Console console, String command, LintOptions options, String output, List<Path> paths,
                    List<String> problems) {
        Format format = null;
        try {
            format = Format.parse(output);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Linter linter = options.linter(problems);
        LintReport report = null;
        if (problems.isEmpty()) {
            try {
                report = linter.lint(paths);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            } catch (UncheckedIOException e) {
                problems.add(e.getMessage() + ": " + e.getCause().getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> console.err().println("goldenpath " + command + ": " + problem));
            return Goldenpath.USAGE;
        }
        console.out().print(report.format(format));
        console.out().flush();
        return report.hasFailures() ? Goldenpath.FINDINGS : Goldenpath.OK;
    }

    /** Every rule: id, severity, title, and whether it is off by default. */
    static String ruleList() {
        StringBuilder text = new StringBuilder();
        for (Rule rule : Rules.all()) {
            text.append(String.format(Locale.ROOT, "%-34s %-8s %s%s%n", rule.id(), rule.severity().label(), rule.title(),
                    rule.enabledByDefault() ? "" : " (off by default)"));
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
