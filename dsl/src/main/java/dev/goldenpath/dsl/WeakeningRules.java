package dev.goldenpath.dsl;

import java.util.HashMap;
import java.util.Map;

/**
 * Declared weakenings: each once, each with a written reason that a reviewer can check. (Whether a weakening is used
 * at all is the business of the rules of what it weakens.)
 */
record WeakeningRules(Problems problems) {

    /** Short enough to refuse "temp" or "needed", long enough for a ticket number and a name. */
    static final int MIN_REASON_LENGTH = 10;

    void app(App app, FieldPath path) {
        Map<Weakening, Integer> seen = new HashMap<>();
        for (DeclaredWeakening weakening : app.weakenings()) {
            FieldPath weakeningPath = path.weakening(weakening.weakening());
            if (seen.merge(weakening.weakening(), 1, Integer::sum) == 2) {
                problems.add(ViolationCode.WEAKENING_DUPLICATE,
                        weakeningPath, weakening.weakening(), "the weakening is declared twice",
                        "declare it once, with one reason");
            }
            if (weakening.reason().strip().length() < MIN_REASON_LENGTH) {
                problems.add(ViolationCode.WEAKENING_REASON_TOO_SHORT,
                        weakeningPath.field("reason"), weakening.reason(),
                        "a weakening needs a written reason of at least " + MIN_REASON_LENGTH + " characters",
                        "say why and who decided, e.g. \"vendor image needs uid 0; SEC-142, approved by security\"");
            }
        }
    }
}
