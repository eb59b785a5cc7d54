package dev.goldenpath.cli;

import dev.goldenpath.lint.Linter;
import dev.goldenpath.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The linter's options, shared by {@code lint} and {@code check}: which rules run, which labels every workload must
 * carry, from which severity a finding fails. On a spec ({@code check} without paths) they can only tighten the
 * render-time policy: rules cannot be turned off there, and required labels add to the ones goldenpath sets.
 */
final class LintOptions {

    /** The labels goldenpath renders on every workload, and the linter's default requirement. */
    static final List<String> DEFAULT_LABELS = List.of("owner", "environment", "app");

    boolean requireDigest;
    final List<String> enabled = new ArrayList<>();
    final List<String> disabled = new ArrayList<>();
    final List<String> requiredLabels = new ArrayList<>();
    String failOn;

    void declare(Syntax syntax) {
        syntax.flag("--require-digest", "Images must be pinned by digest (rule image-digest).", () -> requireDigest = true);
        syntax.list("--enable", "RULE", ",", "Rules to turn on, also those off by default (see --list-rules).",
                enabled::add);
        syntax.list("--disable", "RULE", ",", "Rules to turn off (foreign YAML only).", disabled::add);
        syntax.list("--required-labels", "LABEL", ",", "Labels every workload must carry (default: owner,environment,app).",
                requiredLabels::add);
        syntax.option("--fail-on", "SEVERITY", "Lowest severity that fails: error, warning or info (default: error).",
                value -> failOn = value);
    }

    /**
     * The linter for foreign YAML, or null when an option is wrong; every mistake is added to {@code problems}.
     */
    Linter linter(List<String> problems) {
        return build(problems, requiredLabels.isEmpty() ? DEFAULT_LABELS : requiredLabels);
    }

    /**
     * The tightened render-time policy for specs, or empty when none of these options is given. {@code --disable}
     * is a problem here: a spec declares its weakenings itself, with a reason.
     */
    java.util.Optional<Linter> policy(List<String> problems) {
        if (!disabled.isEmpty()) {
            problems.add("--disable applies to PATHs; a spec is checked by the renderer's own rules, with weakenings "
                    + "declared in the spec (rules can be tightened, never loosened)");
            return java.util.Optional.empty();
        }
        if (!requireDigest && enabled.isEmpty() && requiredLabels.isEmpty() && failOn == null) {
            return java.util.Optional.empty();
        }
        List<String> labels = new ArrayList<>(DEFAULT_LABELS);
        requiredLabels.stream().filter(label -> !labels.contains(label)).forEach(labels::add);
        return java.util.Optional.ofNullable(build(problems, labels));
    }

    private Linter build(List<String> problems, List<String> labels) {
        Linter.Builder builder = Linter.builder();
        if (requireDigest) {
            builder.requireDigest(true);
        }
        builder.enable(clean(enabled)).disable(clean(disabled)).requiredLabels(clean(labels));
        int before = problems.size();
        if (failOn != null) {
            try {
                builder.failOn(Severity.parse(failOn));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            Linter linter = builder.build();
            return problems.size() == before ? linter : null;
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String[] clean(List<String> items) {
        return items.stream().map(String::strip).filter(item -> !item.isEmpty()).toArray(String[]::new);
    }
}
