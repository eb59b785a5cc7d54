package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.lint.Format;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code goldenpath check}: validates the specs and runs the policy check on what they render, writing nothing;
 * with paths, lints foreign YAML (Helm output, vendor manifests) with the same rules, as {@code goldenpath lint} does.
 */
final class CheckCommand implements Command {

    private final Console console;

    final SpecOptions specs = new SpecOptions();
    final SealingOptions sealing = new SealingOptions();
    final LintOptions lint = new LintOptions();
    final List<Path> paths = new ArrayList<>();
    String output = "text";
    boolean listRules;

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Validate the specs and their policy, or lint foreign YAML.")
                .description("Without PATH: validates the platform specs and checks every rendered object against the "
                        + "policy (Pod Security Standards restricted, NSA/CISA hardening, CIS); writes nothing. Every spec "
                        + "violation and every finding is listed, not only the first. The linter's options tighten that "
                        + "policy: --require-digest, --enable, --required-labels (added to owner,environment,app), "
                        + "--fail-on.",
                        "",
                        "With PATH: lints those YAML files and folders (Helm output, vendor manifests) with the same rules "
                        + "and options, as 'goldenpath lint' does.");
        syntax.operands("PATH", "YAML files or folders to lint instead of specs.", value -> paths.add(Path.of(value)));
        specs.declare(syntax);
        sealing.declare(syntax);
        lint.declare(syntax);
        syntax.option("-o, --output", "FORMAT",
                "text, json, sarif or junit (default: text); sarif and junit need one platform.", value -> output = value);
        syntax.flag("--list-rules", "Print every rule and exit.", () -> listRules = true);
        syntax.exitCode(Goldenpath.OK, "passed")
                .exitCode(Goldenpath.FINDINGS, "spec violations or failing findings")
                .exitCode(Goldenpath.USAGE, "usage error")
                .exitCode(Goldenpath.FAILED, "I/O error");
    }

    @Override
    public int call() {
        if (listRules) {
            console.out().print(LintCommand.ruleList());
            return Goldenpath.OK;
        }
        Format format;
        try {
            format = Format.parse(output);
        } catch (IllegalArgumentException e) {
            console.err().println("goldenpath check: " + e.getMessage());
            return Goldenpath.USAGE;
        }
        if (!paths.isEmpty()) {
            if (!specs.specs.isEmpty() || !specs.classpath.isEmpty()) {
                console.err().println("goldenpath check: give either PATHs to lint or specs to check, not both");
                return Goldenpath.USAGE;
            }
            return LintCommand.lint(console, "check", lint, output, paths, new ArrayList<>());
        }
        return Commands.guard(console, "check", () -> checkSpecs(format));
    }

    private int checkSpecs(Format format) {
        List<String> problems = new ArrayList<>();
        Optional<Linter> policy = lint.policy(problems);
        if (!problems.isEmpty()) {
            throw new UsageError(String.join("; ", problems));
        }
        Renders renders = SpecRun.render(console, specs, sealing, policy, platform -> RenderedTree.empty());
        switch (format) {
            case TEXT -> {
                for (RenderedPlatform rendered : renders.rendered()) {
                    Rendering rendering = rendered.rendering();
                    console.out().println("passed " + rendered.platform().name() + ": spec valid, "
                            + rendering.objects().size() + " objects pass the policy, " + rendering.lint().weakened().size()
                            + " weakened findings (" + rendering.report().weakenings().size() + " declared weakenings)");
                }
                SpecRun.printProblems(renders, console.err());
            }
            case JSON -> {
                ObjectNode json = Json.object();
                json.put("passed", renders.passed());
                ArrayNode platforms = json.putArray("platforms");
                for (RenderedPlatform rendered : renders.rendered()) {
                    platforms.addObject()
                            .put("platform", rendered.platform().name())
                            .put("objects", rendered.rendering().objects().size())
                            .put("declaredWeakenings", rendered.rendering().report().weakenings().size())
                            .set("lint", SpecRun.lintJson(rendered.rendering().lint()));
                }
                SpecRun.addProblems(renders, json);
                console.out().print(Json.write(json));
            }
            default -> oneReport(format, renders);
        }
        return renders.passed() ? Goldenpath.OK : Goldenpath.FINDINGS;
    }

    /** SARIF and JUnit describe one lint run: the policy check of exactly one platform. */
    private void oneReport(Format format, Renders renders) {
        List<LintReport> reports = new ArrayList<>();
        renders.rendered().forEach(rendered -> reports.add(rendered.rendering().lint()));
        renders.policyFailures().forEach(failure -> reports.add(failure.exception().report()));
        // A spec that is invalid (or cannot be rendered here) has no lint report: its problems are the report, so
        // that code scanning and test dashboards show them instead of nothing.
        List<SpecReports.Problems> problems = new ArrayList<>();
        renders.invalid().forEach(spec -> problems.add(SpecReports.Problems.of(spec.exception(), spec.specClass())));
        renders.renderFailures().forEach(failure -> problems.add(SpecReports.Problems.of(failure)));
        if (reports.size() + problems.size() != 1) {
            throw new UsageError("--output " + format.label() + " needs exactly one platform: choose one with --platform");
        }
        if (reports.isEmpty()) {
            SpecReports.Problems only = problems.get(0);
            console.out().print(format == Format.SARIF ? SpecReports.sarif(only) : SpecReports.junit(only));
            SpecRun.printProblems(renders, console.err());
        } else {
            console.out().print(reports.get(0).format(format));
        }
    }
}
