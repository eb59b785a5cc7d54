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

/**
 * {@code goldenpath lint}: lints Kubernetes YAML files and folders (Helm output, Kustomize builds, vendor manifests)
 * with the rules the render-time policy applies, and prints the report.
 */
final class LintCommand implements Command {

    private final Console console;

    private Syntax syntax;
    final LintOptions options = new LintOptions();
    String output = "text";
    boolean listRules;
    final List<Path> paths = new ArrayList<>();

    LintCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        this.syntax = syntax;
        syntax.header("Lint Kubernetes YAML with the platform's policy rules.")
                .description("Lints every .yaml/.yml file of each PATH (multi-document; Helm, Kustomize or any Kubernetes "
                        + "YAML) with the rules goldenpath applies to its own renders: Pod Security Standards restricted, "
                        + "NSA/CISA hardening, CIS. Every finding is listed, not only the first.",
                        "",
                        "An object takes a weakening of a rule with the annotation "
                        + "weakening.goldenpath.dev/<rule-id>: <reason>.");
        syntax.operands("PATH", "YAML files or folders.", value -> paths.add(Path.of(value)));
        options.declare(syntax);
        syntax.option("-o, --output, --format", "FORMAT", "text, json, sarif or junit (default: text).",
                value -> output = value);
        syntax.flag("--list-rules", "Print every rule and exit.", () -> listRules = true);
        syntax.exitCode(Goldenpath.OK, "nothing fails")
                .exitCode(Goldenpath.FINDINGS, "findings fail")
                .exitCode(Goldenpath.USAGE, "usage error: unknown option or rule, missing path");
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (listRules) {
            return problems;
        }
        try {
            Format.parse(output);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        options.linter(problems);
        if (paths.isEmpty()) {
            problems.add("no file or folder to lint");
        }
        return problems;
    }

    @Override
    public int call() {
        if (listRules) {
            console.out().print(ruleList());
            return Goldenpath.OK;
        }
        int exit = lint(console, "lint", options, output, paths, new ArrayList<>());
        if (exit == Goldenpath.USAGE) {
            console.err().println(syntax.usage());
            console.err().println("Run 'goldenpath lint --help' for the options.");
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
