package dev.goldenpath.vocabulary;

import java.util.Optional;

/**
 * The annotation keys goldenpath writes and reads, defined once.
 *
 * <pre>{@code
 * String key = Annotations.weakening(RuleId.RUN_AS_NON_ROOT);    // weakening.goldenpath.dev/pss-run-as-non-root
 * Optional<String> rule = Annotations.weakeningRule(key);         // pss-run-as-non-root
 * }</pre>
 */
public final class Annotations {

    /**
     * Prefix of the annotation that records a declared weakening of a secure default:
     * {@code weakening.goldenpath.dev/<rule-id>: <reason>}. The linter turns that rule's findings on the object into
     * weakened ones; the render report and the review list them.
     */
    public static final String WEAKENING_PREFIX = "weakening.goldenpath.dev/";
    /** The owning team's contact, on every object of an app. */
    public static final String OWNER_CONTACT = "goldenpath.dev/owner-contact";

    private Annotations() {
    }

    /** The weakening annotation key for this rule. */
    public static String weakening(RuleId rule) {
        return rule.weakeningAnnotation();
    }

    /** {@code true} when the key is a weakening annotation (whatever rule it names). */
    public static boolean isWeakening(String key) {
        return key.startsWith(WEAKENING_PREFIX);
    }

    /** The rule id a weakening annotation key names (known or not); empty for any other key. */
    public static Optional<String> weakeningRule(String key) {
        return isWeakening(key) ? Optional.of(key.substring(WEAKENING_PREFIX.length())) : Optional.empty();
    }
}
