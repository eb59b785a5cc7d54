package dev.goldenpath.dsl;

import java.util.Objects;

/**
 * One broken rule in a spec: where ({@code apps[payments].resources.limits.memory}), the offending value,
 * the rule it breaks and how to fix it. Modelled on Kubernetes' {@code field.Error}.
 *
 * @param path  the field path inside the platform spec
 * @param value the offending value as the user wrote it ({@code <redacted>} for secret material)
 * @param rule  the rule that is broken
 * @param hint  how to fix it
 */
public record Violation(String path, String value, String rule, String hint) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(hint, "hint");
    }

    /** {@code path: 'value': rule (hint)}, on one line. */
    @Override
    public String toString() {
        return path + ": '" + value + "': " + rule + " (fix: " + hint + ")";
    }
}
