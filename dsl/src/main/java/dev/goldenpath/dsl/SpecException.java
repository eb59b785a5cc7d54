package dev.goldenpath.dsl;

import java.util.List;

/**
 * Thrown when a platform spec breaks one or more rules. It always carries every violation found in the
 * whole platform, never only the first, so one run shows everything there is to fix.
 *
 * <pre>{@code
 * try {
 *     platform.build();
 * } catch (SpecException e) {
 *     e.violations().forEach(v -> System.err.println(v.path() + ": " + v.rule()));
 * }
 * }</pre>
 */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String platform;
    private final transient List<Violation> violations;

    public SpecException(String platform, List<Violation> violations) {
        super(message(platform, violations));
        this.platform = platform;
        this.violations = List.copyOf(violations);
    }

    /** The name of the platform whose spec is invalid. */
    public String platform() {
        return platform;
    }

    /** Every violation, in the order the spec declares the offending fields. */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(String platform, List<Violation> violations) {
        StringBuilder text = new StringBuilder()
                .append("platform '").append(platform).append("' has ").append(violations.size())
                .append(violations.size() == 1 ? " violation:" : " violations:");
        for (Violation violation : violations) {
            text.append("\n  - ").append(violation);
        }
        return text.toString();
    }
}
