package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while a spec is validated, so that all of them are reported at once. */
final class Problems {

    private final List<Violation> violations = new ArrayList<>();

    void add(ViolationCode code, String path, Object value, String rule, String hint) {
        violations.add(new Violation(code, path, String.valueOf(value), rule, hint));
    }

    void add(ViolationCode code, FieldPath path, Object value, String rule, String hint) {
        add(code, path.toString(), value, rule, hint);
    }

    /** Adds the problem a name check found ({@link Names} answers null when there is none). */
    void addIf(ViolationCode code, FieldPath path, Object value, String problemOrNull, String hint) {
        if (problemOrNull != null) {
            add(code, path, value, problemOrNull, hint);
        }
    }

    /** Adds another collection's problems after these, in their order. */
    void addAll(Problems other) {
        violations.addAll(other.violations);
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    List<Violation> list() {
        return violations;
    }
}
