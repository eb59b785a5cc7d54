package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.lint.Format;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.cli.LintCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code goldenpath check}: validates the specs and runs the policy check on what they render, writing nothing;
 * with paths, lints foreign YAML (Helm output, vendor manifests) with the same rules.
 */
@Command(name = "check", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        header = "Validate the specs and their policy, or lint foreign YAML.",
        description = {
            "Without PATH: validates the platform specs and checks every rendered object against the policy "
                + "(Pod Security Standards restricted, NSA/CISA hardening, CIS); writes nothing. Every spec violation "
                + "and every finding is listed, not only the first.",
            "",
            "With PATH: lints those YAML files and folders (Helm output, vendor manifests) with the same rules.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:spec violations or failing findings", "2:usage error", "3:I/O error"})
final class CheckCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    SpecOptions specs;

    @Mixin
    SealingOptions sealing;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "YAML files or folders to lint instead of specs.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif or junit (default: ${DEFAULT-VALUE}); sarif and junit need one platform.")
    String output;

    @Option(names = "--require-digest",
            description = "Images must be pinned by digest (rule image-digest), for specs and PATHs alike.")
    boolean requireDigest;

    @Option(names = "--disable", paramLabel = "RULE", split = ",",
            description = "Rules to turn off when linting PATHs (see 'goldenpath check --list-rules').")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--list-rules", description = "Print every rule and exit.")
    boolean listRules;

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (listRules) {
            return LintCommand.run(new String[] {"--list-rules"}, console.out(), console.err());
        }
        Format format;
        try {
            format = Format.parse(output);
        } catch (IllegalArgumentException e) {
            console.err().println("goldenpath check: " + e.getMessage());
            return Goldenpath.USAGE;
        }
        if (!paths.isEmpty()) {
            return lintYaml(format);
        }
        return Commands.guard(console, "check", () -> checkSpecs(format));
    }

    private int lintYaml(Format format) {
        if (!specs.specs.isEmpty() || !specs.classpath.isEmpty()) {
            console.err().println("goldenpath check: give either PATHs to lint or specs to check, not both");
            return Goldenpath.USAGE;
        }
        List<String> args = new ArrayList<>(List.of("--format", format.label()));
        if (requireDigest) {
            args.add("--require-digest");
        }
        if (!disabled.isEmpty()) {
            args.add("--disable");
            args.add(String.join(",", disabled));
        }
        args.addAll(paths);
        return LintCommand.run(args.toArray(String[]::new), console.out(), console.err());
    }

    private int checkSpecs(Format format) {
        if (!disabled.isEmpty()) {
            throw new UsageError("--disable applies to PATHs; a spec is checked by the renderer's own rules, with "
                    + "exceptions declared in the spec (rules can be tightened, never loosened)");
        }
        sealing.requireDigest = requireDigest;
        Renders renders = Renders.of(specs, sealing, console);
        switch (format) {
            case TEXT -> {
                for (Map.Entry<Platform, Rendering> entry : renders.renderings()) {
                    Rendering rendering = entry.getValue();
                    console.out().println("passed " + entry.getKey().name() + ": spec valid, " + rendering.objects().size()
                            + " objects pass the policy, " + rendering.lint().excepted().size()
                            + " excepted findings (" + rendering.report().exemptions().size() + " declared exceptions)");
                }
                renders.printProblems(console.err());
            }
            case JSON -> {
                ObjectNode json = Json.object();
                json.put("passed", renders.passed());
                ArrayNode platforms = json.putArray("platforms");
                for (Map.Entry<Platform, Rendering> entry : renders.renderings()) {
                    platforms.addObject()
                            .put("platform", entry.getKey().name())
                            .put("objects", entry.getValue().objects().size())
                            .put("declaredExceptions", entry.getValue().report().exemptions().size())
                            .set("lint", Renders.lintJson(entry.getValue().lint()));
                }
                renders.addProblems(json);
                console.out().print(Json.write(json));
            }
            default -> {
                // SARIF and JUnit describe one lint run: the policy check of exactly one platform.
                List<LintReport> reports = new ArrayList<>();
                renders.renderings().forEach(entry -> reports.add(entry.getValue().lint()));
                for (Map.Entry<Platform, PolicyViolationException> failure : renders.policy()) {
                    reports.add(failure.getValue().report());
                }
                // A spec that is invalid (or cannot be rendered here) has no lint report: its problems are the
                // report, so that code scanning and test dashboards show them instead of nothing.
                List<SpecReports.Problems> problems = new ArrayList<>();
                renders.invalid().forEach(e -> problems.add(SpecReports.Problems.of(e, renders.specClasses().get(e.platform()))));
                renders.unrenderable().forEach(f -> problems.add(SpecReports.Problems.of(f, renders.specClasses().get(f.getKey().name()))));
                if (reports.size() + problems.size() != 1) {
                    throw new UsageError("--output " + format.label()
                            + " needs exactly one platform: choose one with --platform");
                }
                if (reports.isEmpty()) {
                    SpecReports.Problems only = problems.get(0);
                    console.out().print(format == Format.SARIF ? SpecReports.sarif(only) : SpecReports.junit(only));
                    renders.printProblems(console.err());
                } else {
                    console.out().print(reports.get(0).format(format));
                }
            }
        }
        return renders.passed() ? Goldenpath.OK : Goldenpath.FINDINGS;
    }
}
