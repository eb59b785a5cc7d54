package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.generators.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.lint.Format;
import dev.goldenpath.tree.RenderedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the specs and renders every platform, collecting every problem: each invalid spec with all its
 * violations, each platform whose rendered objects break the policy with all its findings.
 *
 * @param renderings the platforms that rendered, by platform, in spec order
 * @param invalid    the invalid specs
 * @param policy     the platforms whose objects break the policy without a declared exception
 * @param unrenderable the platforms that cannot be rendered here (a render-time secret without its certificate or
 *                   variable)
 * @param specClasses the spec class of each platform, by platform name
 */
record Renders(List<Map.Entry<Platform, Rendering>> renderings, List<SpecException> invalid,
               List<Map.Entry<Platform, PolicyViolationException>> policy,
               List<Map.Entry<Platform, RenderException>> unrenderable, Map<String, String> specClasses) {

    Renders {
        renderings = List.copyOf(renderings);
        invalid = List.copyOf(invalid);
        policy = List.copyOf(policy);
        unrenderable = List.copyOf(unrenderable);
        specClasses = Map.copyOf(specClasses);
    }

    /**
     * Loads and renders, with a progress line when it takes more than a second.
     *
     * @param previous the tree each platform rendered last time (where ciphertext of unchanged secrets is kept)
     */
    static Renders of(SpecOptions options, SealingOptions sealing, Console console,
                      java.util.function.Function<Platform, RenderedTree> previous) {
        Renderer renderer = Generators.added(sealing.renderer(console), options);
        try (Progress progress = Progress.start(console.err(), "loading and rendering the platform specs")) {
            SpecOptions.Loaded loaded = options.load();
            List<Map.Entry<Platform, Rendering>> renderings = new ArrayList<>();
            List<Map.Entry<Platform, PolicyViolationException>> policy = new ArrayList<>();
            List<Map.Entry<Platform, RenderException>> unrenderable = new ArrayList<>();
            for (Platform platform : loaded.platforms()) {
                try {
                    renderings.add(Map.entry(platform, renderer.previous(previous.apply(platform)).render(platform)));
                } catch (PolicyViolationException e) {
                    policy.add(Map.entry(platform, e));
                } catch (RenderException e) {
                    unrenderable.add(Map.entry(platform, e));
                }
            }
            return new Renders(renderings, loaded.invalid(), policy, unrenderable, loaded.classes());
        }
    }

    /** Like {@link #of(SpecOptions, SealingOptions, Console, java.util.function.Function)} without a previous render. */
    static Renders of(SpecOptions options, SealingOptions sealing, Console console) {
        return of(options, sealing, console, platform -> RenderedTree.empty());
    }

    /** True when every spec is valid, every platform could be rendered and every object passes the policy. */
    boolean passed() {
        return invalid.isEmpty() && policy.isEmpty() && unrenderable.isEmpty();
    }

    /** Every problem, for people: each invalid spec and each policy failure with all its lines. */
    void printProblems(java.io.PrintStream err) {
        for (SpecException e : invalid) {
            err.println("goldenpath: " + e.getMessage());
        }
        for (Map.Entry<Platform, PolicyViolationException> failure : policy) {
            err.println("goldenpath: platform '" + failure.getKey().name() + "': " + failure.getValue().getMessage());
        }
        for (Map.Entry<Platform, RenderException> failure : unrenderable) {
            err.println("goldenpath: platform '" + failure.getKey().name() + "': " + failure.getValue().getMessage());
        }
    }

    /**
     * Every problem as JSON: {@code specErrors} (path, value, rule, hint), {@code policyFailures} (lint reports) and
     * {@code renderErrors} (what this process lacks to render).
     */
    void addProblems(ObjectNode root) {
        ArrayNode specErrors = root.putArray("specErrors");
        for (SpecException e : invalid) {
            ObjectNode node = specErrors.addObject();
            node.put("platform", e.platform());
            ArrayNode violations = node.putArray("violations");
            for (Violation violation : e.violations()) {
                violations.addObject()
                        .put("path", violation.path())
                        .put("value", violation.value())
                        .put("rule", violation.rule())
                        .put("hint", violation.hint());
            }
        }
        ArrayNode policyFailures = root.putArray("policyFailures");
        for (Map.Entry<Platform, PolicyViolationException> failure : policy) {
            ObjectNode node = policyFailures.addObject();
            node.put("platform", failure.getKey().name());
            node.set("lint", lintJson(failure.getValue().report()));
        }
        ArrayNode renderErrors = root.putArray("renderErrors");
        for (Map.Entry<Platform, RenderException> failure : unrenderable) {
            ObjectNode node = renderErrors.addObject();
            node.put("platform", failure.getKey().name());
            ArrayNode problems = node.putArray("problems");
            failure.getValue().problems().forEach(problems::add);
        }
    }

    static JsonNode lintJson(dev.goldenpath.lint.LintReport report) {
        return Json.parse(report.format(Format.JSON));
    }
}
