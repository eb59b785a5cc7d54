package dev.goldenpath.review;

import java.util.List;

/**
 * A review could not be made: a tree holds invalid YAML or NetworkPolicies the API server would reject, or the base
 * revision cannot be read. {@link #problems()} lists every problem, each with the side (base or head), the file or
 * object and what is wrong.
 */
public final class ReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** One exception for all {@code problems}. */
    public ReviewException(List<String> problems) {
        super("the security review could not be made (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one per entry. */
    public List<String> problems() {
        return problems;
    }
}
