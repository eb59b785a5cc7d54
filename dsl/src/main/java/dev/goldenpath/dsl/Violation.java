package dev.goldenpath.dsl;

import java.util.Objects;

/**
 * One broken rule in a spec: which rule ({@link ViolationCode}, stable and machine-readable), where
 * ({@code apps[payments].resources.limits.memory}), the offending value, the rule in words and how to fix it. Modelled
 * on Kubernetes' {@code field.Error}.
 *
 * <pre>{@code
 * Violation v = e.violations().get(0);
 * if (v.code() == ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST) { ... }   // match codes, not message text
 * System.err.println(v);   // apps[api].resources.limits.cpu: '100m': the limit must be at least ... (fix: ...)
 * }</pre>
 *
 * @param code  the rule's stable code ({@code resources.limit-below-request}); docs/violation-codes.md lists them
 * @param path  the field path inside the platform spec
 * @param value the offending value as the user wrote it ({@code <redacted>} for secret material)
 * @param rule  the rule that is broken, in words
 * @param hint  how to fix it
 */
public record Violation(ViolationCode code, String path, String value, String rule, String hint) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(hint, "hint");
    }

    /** {@code path: 'value': rule (hint)}, on one line; the code is not part of the text. */
    @Override
    public String toString() {
        return path + ": '" + value + "': " + rule + " (fix: " + hint + ")";
    }
}
