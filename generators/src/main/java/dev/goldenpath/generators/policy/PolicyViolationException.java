package dev.goldenpath.generators.policy;

import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import java.util.List;

/**
 * Thrown when rendered objects break the platform's policy without a declared weakening. Nothing is written
 * when it is thrown; the message lists every failing finding with file, object, field, rule and fix.
 */
public final class PolicyViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LintReport report;

    public PolicyViolationException(LintReport report) {
        super(message(report.failing()));
        this.report = report;
    }

    /** The full lint report, weakened findings included. */
    public LintReport report() {
        return report;
    }

    private static String message(List<Finding> failing) {
        StringBuilder text = new StringBuilder("the rendered objects break ").append(failing.size())
                .append(failing.size() == 1 ? " policy rule" : " policy rules")
                .append(" without a declared weakening:");
        for (Finding finding : failing) {
            text.append("\n  - ").append(finding.location()).append(" ").append(finding.object())
                    .append(" ").append(finding.fieldPath()).append(": [").append(finding.ruleId()).append("] ")
                    .append(finding.message()).append(" (fix: ").append(finding.fix()).append(")");
        }
        return text.toString();
    }
}
