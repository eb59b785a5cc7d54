package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON report: a summary, notes and every finding with its status. */
final class JsonFormat {

    private JsonFormat() {
    }

    static String write(LintReport report) {
        ObjectNode root = Reports.MAPPER.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("objects", report.objectCount());
        summary.put("findings", report.findings().size());
        summary.put("failing", report.failing().size());
        summary.put("weakened", report.weakened().size());
        summary.put("failOn", report.failOn().label());
        summary.put("passed", !report.hasFailures());
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("ruleId", finding.ruleId());
            node.put("severity", finding.severity().label());
            node.put("status", Reports.status(report, finding));
            node.put("file", finding.file());
            node.put("documentIndex", finding.documentIndex());
            node.put("line", finding.line());
            node.put("object", finding.object());
            node.put("fieldPath", finding.fieldPath());
            node.put("message", finding.message());
            node.put("fix", finding.fix());
            if (finding.weakened()) {
                node.put("weakeningReason", finding.weakeningReason());
            }
        }
        return Reports.json(root);
    }
}
