package dev.goldenpath.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The review as one JSON object (schema {@value #SCHEMA}, documented in docs/review.md). */
final class JsonFormat {

    static final String SCHEMA = "goldenpath-review/v1";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFormat() {
    }

    static String write(Review review) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode summary = root.putObject("summary");
        summary.put("text", review.summary());
        summary.put("changes", review.changes().size());
        for (Impact impact : Impact.values()) {
            summary.put(impact.id(), review.changes().stream().filter(c -> c.impact() == impact).count());
        }
        ObjectNode sections = summary.putObject("sections");
        for (Section section : Section.values()) {
            sections.put(section.id(), review.bySection().getOrDefault(section, java.util.List.of()).size());
        }
        ArrayNode changes = root.putArray("changes");
        for (Change change : review.changes()) {
            changes.addObject()
                    .put("section", change.section().id())
                    .put("rule", change.rule())
                    .put("sign", String.valueOf(change.sign()))
                    .put("impact", change.impact().id())
                    .put("environment", change.environment())
                    .put("subject", change.subject())
                    .put("description", change.description())
                    .put("line", change.line())
                    .put("path", change.path());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
