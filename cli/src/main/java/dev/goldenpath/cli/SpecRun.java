package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.lint.Format;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.pipeline.Pipeline;
import dev.goldenpath.pipeline.PipelineException;
import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.pipeline.Specs;
import dev.goldenpath.tree.RenderedTree;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A command's run of the library pipeline: its options mapped to pipeline calls, the pipeline's exceptions mapped to
 * exit codes, and its results printed for people ({@code goldenpath: ...} lines) or as JSON.
 */
final class SpecRun {

    private SpecRun() {
    }

    /**
     * Loads and renders, with a progress line when it takes more than a second.
     *
     * @param policy   the tightened render-time policy, if any
     * @param previous the tree each platform rendered last time (where ciphertext of unchanged secrets is kept)
     */
    static Renders render(Console console, SpecOptions specs, SealingOptions sealing, Optional<Linter> policy,
                          Function<Platform, RenderedTree> previous) {
        Pipeline pipeline = sealing.apply(specs.pipeline(console)).previous(previous);
        if (policy.isPresent()) {
            pipeline = pipeline.policy(policy.get());
        }
        Pipeline configured = pipeline;
        try (Progress progress = Progress.start(console.err(), "loading and rendering the platform specs")) {
            return mapped(configured::render);
        }
    }

    /** Like {@link #render(Console, SpecOptions, SealingOptions, Optional, Function)}: no policy, no previous render. */
    static Renders render(Console console, SpecOptions specs, SealingOptions sealing) {
        return render(console, specs, sealing, Optional.empty(), platform -> RenderedTree.empty());
    }

    /** Builds the specs without rendering them. */
    static Specs load(Console console, SpecOptions specs) {
        return mapped(specs.pipeline(console)::load);
    }

    /**
     * Runs {@code work}; a pipeline exception becomes a usage error (exit 2) when the command line can fix it, a
     * failure (exit 3) when the spec's own code failed.
     */
    static <T> T mapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (PipelineException e) {
            throw switch (e.reason()) {
                case SPEC_FAILED -> new IllegalStateException(e.getMessage(), e);
                case SEVERAL_PLATFORMS -> new UsageError(e.getMessage() + ": choose one with --platform");
                default -> new UsageError(e.getMessage());
            };
        }
    }

    /** Every problem, for people: each invalid spec and each policy or render failure with all its lines. */
    static void printProblems(Renders renders, PrintStream err) {
        renders.problems().forEach(problem -> err.println("goldenpath: " + problem));
    }

    /**
     * Every problem as JSON: {@code specErrors} (code, path, value, rule, hint), {@code policyFailures} (lint reports) and
     * {@code renderErrors} (what this process lacks to render).
     */
    static void addProblems(Renders renders, ObjectNode root) {
        ArrayNode specErrors = root.putArray("specErrors");
        for (Specs.InvalidSpec spec : renders.invalid()) {
            ObjectNode node = specErrors.addObject();
            node.put("platform", spec.exception().platform());
            ArrayNode violations = node.putArray("violations");
            for (Violation violation : spec.exception().violations()) {
                violations.addObject()
                        .put("code", violation.code().code())
                        .put("path", violation.path())
                        .put("value", violation.value())
                        .put("rule", violation.rule())
                        .put("hint", violation.hint());
            }
        }
        ArrayNode policyFailures = root.putArray("policyFailures");
        for (Renders.PolicyFailure failure : renders.policyFailures()) {
            policyFailures.addObject()
                    .put("platform", failure.platform().name())
                    .set("lint", lintJson(failure.exception().report()));
        }
        ArrayNode renderErrors = root.putArray("renderErrors");
        for (Renders.RenderFailure failure : renders.renderFailures()) {
            ObjectNode node = renderErrors.addObject();
            node.put("platform", failure.platform().name());
            ArrayNode problems = node.putArray("problems");
            failure.exception().problems().forEach(problems::add);
        }
    }

    static JsonNode lintJson(LintReport report) {
        return Json.parse(report.format(Format.JSON));
    }
}
