package dev.goldenpath.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule violated by one object, at one field.
 *
 * <pre>{@code
 * for (Finding finding : report.failing()) {
 *     System.out.println(finding.file() + ":" + finding.line() + " " + finding.ruleId() + " " + finding.message());
 * }
 * }</pre>
 *
 * @param ruleId          the rule's id, e.g. {@code pss-privileged}
 * @param severity        the rule's severity
 * @param file            the file holding the object
 * @param documentIndex   0-based YAML document index within the file
 * @param line            1-based line of the offending field when known, else of the document (0 when unknown)
 * @param object          the object, as {@code Kind namespace/name} (or {@code Kind name} when it has no namespace)
 * @param fieldPath       the offending field, e.g. {@code spec.template.spec.containers[0].securityContext.privileged}
 * @param message         what is wrong
 * @param fix             how to fix it
 * @param weakeningReason the reason given by an {@code weakening.goldenpath.dev/<rule-id>} annotation; empty when the
 *                        finding is not weakened
 */
public record Finding(String ruleId, Severity severity, String file, int documentIndex, int line, String object,
                      String fieldPath, String message, String fix, String weakeningReason) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(weakeningReason, "weakeningReason");
    }

    /** {@code true} when a weakening annotation with a reason covers this finding. */
    public boolean weakened() {
        return !weakeningReason.isEmpty();
    }

    /** The exception's reason, when the finding is weakened. */
    public Optional<String> exception() {
        return weakened() ? Optional.of(weakeningReason) : Optional.empty();
    }

    /** {@code file:line} (or {@code file#document} when the line is unknown). */
    public String location() {
        return line > 0 ? file + ":" + line : file + "#" + documentIndex;
    }
}
