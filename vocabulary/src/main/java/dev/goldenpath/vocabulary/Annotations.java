package dev.goldenpath.vocabulary;

import java.util.Optional;

/**
 * The annotation keys goldenpath writes and reads, defined once.
 *
 * <pre>{@code
 * String key = Annotations.exception(RuleId.RUN_AS_NON_ROOT);    // exception.goldenpath.dev/pss-run-as-non-root
 * Optional<String> rule = Annotations.exceptionRule(key);         // pss-run-as-non-root
 * }</pre>
 */
public final class Annotations {

    /**
     * Prefix of the annotation that records a declared exception to a secure default:
     * {@code exception.goldenpath.dev/<rule-id>: <reason>}. The linter turns that rule's findings on the object into
     * excepted ones; the render report and the review list them.
     */
    public static final String EXCEPTION_PREFIX = "exception.goldenpath.dev/";
    /** The owning team's contact, on every object of an app. */
    public static final String OWNER_CONTACT = "goldenpath.dev/owner-contact";

    private Annotations() {
    }

    /** The exception annotation key for this rule. */
    public static String exception(RuleId rule) {
        return rule.exceptionAnnotation();
    }

    /** {@code true} when the key is an exception annotation (whatever rule it names). */
    public static boolean isException(String key) {
        return key.startsWith(EXCEPTION_PREFIX);
    }

    /** The rule id an exception annotation key names (known or not); empty for any other key. */
    public static Optional<String> exceptionRule(String key) {
        return isException(key) ? Optional.of(key.substring(EXCEPTION_PREFIX.length())) : Optional.empty();
    }
}
