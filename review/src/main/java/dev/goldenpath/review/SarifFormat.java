package dev.goldenpath.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.lint.SarifLog;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS) for code scanning: one run of the tool {@code goldenpath-review}, every kind of change as a
 * rule, one result per change at the file of the head tree that holds it (of the base tree, when removed). The
 * envelope, URIs and fingerprints are the linter's ({@link SarifLog}); results differ in kind (changes, not
 * findings). Changes
 * that widen are warnings; the others notes. A fingerprint of the change's line lets code scanning follow it across
 * runs.
 */
final class SarifFormat {

    private SarifFormat() {
    }

    static String write(Review review) {
        SarifLog.Run log = SarifLog.start(JsonFormat.MAPPER, "goldenpath-review");
        ObjectNode root = log.log();
        ObjectNode run = log.run();
        ObjectNode driver = log.driver();
        driver.put("informationUri", "https://github.com/goldenpath/goldenpath/blob/main/docs/review.md");
        ArrayNode rules = driver.putArray("rules");
        List<String> ids = List.copyOf(ReviewRules.DESCRIPTIONS.keySet());
        for (Map.Entry<String, String> rule : ReviewRules.DESCRIPTIONS.entrySet()) {
            ObjectNode node = rules.addObject();
            node.put("id", rule.getKey());
            node.putObject("shortDescription").put("text", rule.getValue());
            node.putObject("properties").putArray("tags").add("security").add("kubernetes");
        }
        ArrayNode results = run.putArray("results");
        for (Change change : review.changes()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", change.rule());
            result.put("ruleIndex", ids.indexOf(change.rule()));
            result.put("level", change.impact() == Impact.WIDENS ? "warning" : "note");
            result.putObject("message").put("text", change.line());
            ObjectNode location = result.putArray("locations").addObject();
            if (!change.path().isEmpty()) {
                location.putObject("physicalLocation").putObject("artifactLocation")
                        .put("uri", SarifLog.uri(change.path()));
            }
            location.putArray("logicalLocations").addObject()
                    .put("name", change.subject())
                    .put("fullyQualifiedName", (change.environment().isEmpty() ? "" : change.environment() + "/")
                            + change.subject());
            result.putObject("partialFingerprints").put("goldenpathReview/v1", SarifLog.sha256(change.line()));
            result.putObject("properties").put("section", change.section().id()).put("impact", change.impact().id());
        }
        try {
            return JsonFormat.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
