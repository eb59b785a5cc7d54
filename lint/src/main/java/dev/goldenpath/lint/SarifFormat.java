package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), as code-scanning UIs load it: one run, the driver's rules with their metadata, one result per
 * finding with a physical location (file and line) and a logical one (the object). Weakened findings carry an
 * in-source suppression holding the exception's reason, so UIs show them as suppressed instead of hiding them.
 */
final class SarifFormat {

    private static final String VERSION = version();

    private SarifFormat() {
    }

    static String write(LintReport report) {
        SarifLog.Run log = SarifLog.start(Reports.MAPPER, "goldenpath-lint");
        ObjectNode root = log.log();
        ObjectNode run = log.run();
        ObjectNode driver = log.driver();
        driver.put("semanticVersion", VERSION);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<Rule> ruleList = report.rules();
        for (Rule rule : ruleList) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            ObjectNode node = rules.addObject();
            node.put("id", rule.id());
            node.put("name", camelCase(rule.id()));
            node.putObject("shortDescription").put("text", rule.title());
            node.putObject("fullDescription").put("text", rule.rationale());
            ObjectNode help = node.putObject("help");
            help.put("text", "Fix: " + rule.fix() + "\nSource: " + rule.source() + "\nException: annotate the object with "
                    + rule.weakeningAnnotation() + ": <reason>");
            help.put("markdown", "**Fix:** " + rule.fix() + "\n\n**Source:** " + rule.source()
                    + "\n\n**Exception:** annotate the object with `" + rule.weakeningAnnotation() + ": <reason>`");
            node.putObject("defaultConfiguration").put("level", level(rule.severity()));
            ObjectNode properties = node.putObject("properties");
            ArrayNode tags = properties.putArray("tags");
            tags.add("security");
            tags.add("kubernetes");
            properties.put("security-severity", securitySeverity(rule.severity()));
            properties.put("source", rule.source());
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            Integer index = ruleIndex.get(finding.ruleId());
            if (index != null) {
                result.put("ruleIndex", index);
            }
            result.put("level", level(finding.severity()));
            result.putObject("message").put("text", finding.message()
                    + (finding.fieldPath().isEmpty() ? "" : " (at " + finding.fieldPath() + ")"));
            ObjectNode location = result.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", SarifLog.uri(finding.file()));
            physical.putObject("region").put("startLine", Math.max(1, finding.line()));
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", finding.object()
                    + (finding.fieldPath().isEmpty() ? "" : "/" + finding.fieldPath()));
            logical.put("kind", "resource");
            result.putObject("partialFingerprints").put("goldenpathFinding/v1", fingerprint(finding));
            if (finding.weakened()) {
                ObjectNode suppression = result.putArray("suppressions").addObject();
                suppression.put("kind", "inSource");
                suppression.put("status", "accepted");
                suppression.put("justification", finding.weakeningReason());
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (!report.notes().isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            for (String note : report.notes()) {
                ObjectNode notification = notifications.addObject();
                notification.put("level", "note");
                notification.putObject("message").put("text", note);
            }
        }
        return Reports.json(root);
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** GitHub code scanning ranks security alerts by this CVSS-like score. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "8.0";
            case WARNING -> "5.0";
            case INFO -> "2.0";
        };
    }


    private static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /** The first 16 bytes of the SHA-256 of what identifies a finding. */
    private static String fingerprint(Finding finding) {
        return SarifLog.sha256(finding.ruleId() + "\n" + finding.file() + "\n" + finding.object() + "\n"
                + finding.fieldPath() + "\n" + finding.message()).substring(0, 32);
    }

    private static String version() {
        String version = SarifFormat.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
