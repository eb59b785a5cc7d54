package dev.goldenpath.generators.report;

import java.util.List;

/**
 * Thrown when a valid spec cannot be rendered in this process: a render-time secret without a sealer for its
 * environment, an unset environment variable, an unreadable file, or an object the API server would refuse (a name,
 * label or annotation beyond Kubernetes' limits, an object too large). It lists every problem, each with the file,
 * the object and the field; no message ever holds a secret value. Nothing is written when it is thrown.
 */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public RenderException(List<String> problems) {
        super("the platform cannot be rendered here (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
