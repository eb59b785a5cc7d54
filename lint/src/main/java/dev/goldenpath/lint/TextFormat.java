package dev.goldenpath.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readable report: findings grouped by file and object, each with its line, rule, message, field and fix;
 * weakened findings show their reason. A summary line ends the report.
 */
final class TextFormat {

    private TextFormat() {
    }

    static String write(LintReport report) {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, List<Finding>>> byFile = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            byFile.computeIfAbsent(finding.file(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(finding.object() + " (document " + finding.documentIndex() + ")",
                            o -> new ArrayList<>())
                    .add(finding);
        }
        for (Map.Entry<String, Map<String, List<Finding>>> file : byFile.entrySet()) {
            out.append(file.getKey()).append('\n');
            for (Map.Entry<String, List<Finding>> object : file.getValue().entrySet()) {
                out.append("  ").append(object.getKey()).append('\n');
                for (Finding finding : object.getValue()) {
                    String status = Reports.status(report, finding);
                    String label = "weakened".equals(status) ? "weakened" : finding.severity().label();
                    out.append("    ").append(pad(label, 8)).append(' ')
                            .append(finding.line() > 0 ? "line " + finding.line() : "").append(' ')
                            .append('[').append(finding.ruleId()).append("] ")
                            .append(finding.message()).append('\n');
                    if (!finding.fieldPath().isEmpty()) {
                        out.append("             at ").append(finding.fieldPath()).append('\n');
                    }
                    if (finding.weakened()) {
                        out.append("             reason: ").append(finding.weakeningReason()).append('\n');
                    } else {
                        out.append("             fix: ").append(finding.fix()).append('\n');
                    }
                }
            }
            out.append('\n');
        }
        for (String note : report.notes()) {
            out.append("note: ").append(note).append('\n');
        }
        int failing = report.failing().size();
        int weakened = report.weakened().size();
        int advisory = report.findings().size() - failing - weakened;
        out.append(report.hasFailures() ? "FAILED: " : "PASSED: ")
                .append(report.objectCount()).append(report.objectCount() == 1 ? " object, " : " objects, ")
                .append(failing).append(" failing, ")
                .append(weakened).append(" weakened, ")
                .append(advisory).append(" advisory")
                .append(" (failing from severity ").append(report.failOn().label()).append(")\n");
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
