package dev.goldenpath.reachability;

import java.util.List;

/**
 * Thrown by {@link Reachability.Builder#build()} when the namespaces, endpoints or policies are
 * inconsistent or a policy is one the API server would reject. It lists every problem, one per line,
 * each starting with where it is ({@code networkpolicy web/allow-api: spec.ingress[0].from[1]: ...}).
 *
 * <pre>{@code
 * try {
 *     Reachability.builder().policies(policies).build();
 * } catch (ReachabilityException e) {
 *     e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class ReachabilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ReachabilityException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order namespaces, endpoints and policies were given. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder text = new StringBuilder("cannot evaluate reachability, ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        problems.forEach(problem -> text.append("\n  - ").append(problem));
        return text.toString();
    }
}
