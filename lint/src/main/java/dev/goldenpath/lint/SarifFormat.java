package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), as code-scanning UIs load it: one run, the driver's rules with their metadata, one result per
 * finding with a physical location (file and line) and a logical one (the object). Excepted findings carry an
 * in-source suppression holding the exception's reason, so UIs show them as suppressed instead of hiding them.
 */
final class SarifFormat {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String VERSION = version();

    private SarifFormat() {
    }

    static String write(LintReport report) {
        ObjectNode root = Reports.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "goldenpath-lint");
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
                    + rule.exceptionAnnotation() + ": <reason>");
            help.put("markdown", "**Fix:** " + rule.fix() + "\n\n**Source:** " + rule.source()
                    + "\n\n**Exception:** annotate the object with `" + rule.exceptionAnnotation() + ": <reason>`");
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
            physical.putObject("artifactLocation").put("uri", uri(finding.file()));
            physical.putObject("region").put("startLine", Math.max(1, finding.line()));
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", finding.object()
                    + (finding.fieldPath().isEmpty() ? "" : "/" + finding.fieldPath()));
            logical.put("kind", "resource");
            result.putObject("partialFingerprints").put("goldenpathFinding/v1", fingerprint(finding));
            if (finding.excepted()) {
                ObjectNode suppression = result.putArray("suppressions").addObject();
                suppression.put("kind", "inSource");
                suppression.put("status", "accepted");
                suppression.put("justification", finding.exceptionReason());
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

    /** A relative URI reference for a relative path, a file: URI for an absolute one; reserved characters escaped. */
    static String uri(String file) {
        StringBuilder uri = new StringBuilder();
        String path = file.replace('\\', '/');
        if (path.startsWith("/")) {
            uri.append("file://");
        } else if (path.length() > 1 && path.charAt(1) == ':') {
            uri.append("file:///");
        }
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == ':';
            if (unreserved) {
                uri.append(c);
            } else {
                uri.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return uri.toString();
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

    private static String fingerprint(Finding finding) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((finding.ruleId() + "\n" + finding.file() + "\n" + finding.object() + "\n"
                    + finding.fieldPath() + "\n" + finding.message()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String version() {
        String version = SarifFormat.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
