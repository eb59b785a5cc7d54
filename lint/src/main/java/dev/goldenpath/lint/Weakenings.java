package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.RuleId;

/**
 * The weakening annotation contract shared with the generators ({@link dev.goldenpath.vocabulary.Annotations}):
 * {@code weakening.goldenpath.dev/<rule-id>: <reason>}
 * on an object's metadata (or its pod template's metadata) turns that rule's findings on that object into weakened
 * findings, reported with the reason and never failing.
 */
final class Weakenings {

    private Weakenings() {
    }

    /**
     * The reason waiving {@code ruleId} on an object with these metadata blocks; an empty string when none does
     * (an annotation with a blank reason waives nothing: the weakening-annotation rule reports it).
     */
    static String reason(RuleId ruleId, JsonNode metadata, JsonNode templateMetadata) {
        String key = ruleId.weakeningAnnotation();
        String reason = annotation(metadata, key);
        if (reason.isEmpty() && templateMetadata != null) {
            reason = annotation(templateMetadata, key);
        }
        return reason;
    }

    private static String annotation(JsonNode metadata, String key) {
        if (metadata == null) {
            return "";
        }
        JsonNode value = metadata.path("annotations").get(key);
        return value == null || !value.isValueNode() ? "" : value.asText().strip();
    }
}
