package dev.goldenpath.pipeline;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.report.RenderException;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.pipeline.Specs.InvalidSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What rendering every platform gave: the platforms that rendered, and every problem of the others, collected rather
 * than thrown one by one: each invalid spec with all its violations, each platform whose objects break the policy
 * with all its findings, each platform that cannot be rendered here (a secret sealed at render time without its
 * certificate or value).
 *
 * <pre>{@code
 * Renders renders = pipeline.render();
 * if (!renders.passed()) {
 *     renders.problems().forEach(System.err::println);
 * }
 * }</pre>
 *
 * @param rendered       the platforms that rendered, in spec order
 * @param invalid        the invalid specs
 * @param policyFailures the platforms whose objects break the policy without a declared weakening
 * @param renderFailures the platforms that cannot be rendered here
 */
public record Renders(List<RenderedPlatform> rendered, List<InvalidSpec> invalid, List<PolicyFailure> policyFailures,
                      List<RenderFailure> renderFailures) {

    public Renders {
        rendered = List.copyOf(rendered);
        invalid = List.copyOf(invalid);
        policyFailures = List.copyOf(policyFailures);
        renderFailures = List.copyOf(renderFailures);
    }

    /** True when every spec is valid, every platform could be rendered and every object passes the policy. */
    public boolean passed() {
        return invalid.isEmpty() && policyFailures.isEmpty() && renderFailures.isEmpty();
    }

    /**
     * The one platform that rendered.
     *
     * @throws PipelineException {@link PipelineException.Reason#SEVERAL_PLATFORMS} when several rendered
     * @throws IllegalStateException when none did (ask {@link #passed()} first)
     */
    public RenderedPlatform single() {
        if (rendered.size() > 1) {
            throw new PipelineException(PipelineException.Reason.SEVERAL_PLATFORMS, "the specs define "
                    + rendered.size() + " platforms (" + String.join(", ",
                    rendered.stream().map(r -> r.platform().name()).toList()) + ")");
        }
        if (rendered.isEmpty()) {
            throw new IllegalStateException("no platform rendered");
        }
        return rendered.get(0);
    }

    /**
     * Every problem for people, one entry each (an entry may span lines): the invalid specs' messages, then
     * {@code platform 'NAME': ...} for each policy and render failure.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        invalid.forEach(spec -> problems.add(spec.exception().getMessage()));
        policyFailures.forEach(failure -> problems.add("platform '" + failure.platform().name() + "': "
                + failure.exception().getMessage()));
        renderFailures.forEach(failure -> problems.add("platform '" + failure.platform().name() + "': "
                + failure.exception().getMessage()));
        return List.copyOf(problems);
    }

    /**
     * A platform that rendered.
     *
     * @param platform  the platform
     * @param specClass the spec class that built it
     * @param rendering its tree, objects and reports
     */
    public record RenderedPlatform(Platform platform, String specClass, Rendering rendering) {
    }

    /** A platform whose rendered objects break the policy: {@code exception.report()} holds every finding. */
    public record PolicyFailure(Platform platform, String specClass, PolicyViolationException exception) {
    }

    /** A platform that cannot be rendered here: {@code exception.problems()} says what is missing. */
    public record RenderFailure(Platform platform, String specClass, RenderException exception) {
    }
}
