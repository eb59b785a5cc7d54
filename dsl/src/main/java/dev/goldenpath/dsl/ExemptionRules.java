package dev.goldenpath.dsl;

import java.util.HashMap;
import java.util.Map;

/**
 * Declared weakenings: each once, each with a written reason that a reviewer can check. (Whether a weakening is used
 * at all is the business of the rules of what it weakens.)
 */
record ExemptionRules(Problems problems) {

    /** Short enough to refuse "temp" or "needed", long enough for a ticket number and a name. */
    static final int MIN_REASON_LENGTH = 10;

    void app(App app, FieldPath path) {
        Map<Weakening, Integer> seen = new HashMap<>();
        for (Exemption exemption : app.exemptions()) {
            FieldPath exemptionPath = path.exemption(exemption.weakening());
            if (seen.merge(exemption.weakening(), 1, Integer::sum) == 2) {
                problems.add(ViolationCode.EXEMPTION_DUPLICATE,
                        exemptionPath, exemption.weakening(), "the weakening is declared twice",
                        "declare it once, with one reason");
            }
            if (exemption.reason().strip().length() < MIN_REASON_LENGTH) {
                problems.add(ViolationCode.EXEMPTION_REASON_TOO_SHORT,
                        exemptionPath.field("reason"), exemption.reason(),
                        "a weakening needs a written reason of at least " + MIN_REASON_LENGTH + " characters",
                        "say why and who decided, e.g. \"vendor image needs uid 0; SEC-142, approved by security\"");
            }
        }
    }
}
