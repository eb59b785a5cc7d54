package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.lint.Format;
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
 */
record Renders(List<Map.Entry<Platform, Rendering>> renderings, List<SpecException> invalid,
               List<Map.Entry<Platform, PolicyViolationException>> policy) {

    Renders {
        renderings = List.copyOf(renderings);
        invalid = List.copyOf(invalid);
        policy = List.copyOf(policy);
    }

    /** Loads and renders, with a progress line when it takes more than a second. */
    static Renders of(SpecOptions options, Console console) {
        try (Progress progress = Progress.start(console.err(), "loading and rendering the platform specs")) {
            SpecOptions.Loaded loaded = options.load();
            List<Map.Entry<Platform, Rendering>> renderings = new ArrayList<>();
            List<Map.Entry<Platform, PolicyViolationException>> policy = new ArrayList<>();
            for (Platform platform : loaded.platforms()) {
                try {
                    renderings.add(Map.entry(platform, Renderer.secureByDefault().render(platform)));
                } catch (PolicyViolationException e) {
                    policy.add(Map.entry(platform, e));
                }
            }
            return new Renders(renderings, loaded.invalid(), policy);
        }
    }

    /** True when every spec is valid and every rendered object passes the policy. */
    boolean passed() {
        return invalid.isEmpty() && policy.isEmpty();
    }

    /** Every problem, for people: each invalid spec and each policy failure with all its lines. */
    void printProblems(java.io.PrintStream err) {
        for (SpecException e : invalid) {
            err.println("goldenpath: " + e.getMessage());
        }
        for (Map.Entry<Platform, PolicyViolationException> failure : policy) {
            err.println("goldenpath: platform '" + failure.getKey().name() + "': " + failure.getValue().getMessage());
        }
    }

    /** Every problem as JSON: {@code specErrors} (path, value, rule, hint) and {@code policyFailures} (lint reports). */
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
    }

    static JsonNode lintJson(dev.goldenpath.lint.LintReport report) {
        return Json.parse(report.format(Format.JSON));
    }
}
