package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers for loosely typed YAML values. */
final class Json {

    private Json() {
    }

    /** {@code true} for a boolean true (or the string "true", as hand-written YAML sometimes has). */
    static boolean isTrue(JsonNode node) {
        if (node == null) {
            return false;
        }
        return node.isBoolean() ? node.booleanValue() : node.isTextual() && "true".equalsIgnoreCase(node.textValue());
    }

    /** {@code true} for an explicit boolean false (or the string "false"). */
    static boolean isFalse(JsonNode node) {
        if (node == null) {
            return false;
        }
        return node.isBoolean() ? !node.booleanValue() : node.isTextual() && "false".equalsIgnoreCase(node.textValue());
    }

    /** A scalar as text; empty for missing, null, objects and arrays. */
    static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? "" : node.asText();
    }

    /** {@code true} for a missing/null node, an empty object, an empty array or an empty string. */
    static boolean empty(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return true;
        }
        if (node.isContainerNode()) {
            return node.isEmpty();
        }
        return node.isTextual() && node.textValue().isEmpty();
    }

    /** Quotes a value for a message: {@code "value"}. */
    static String quote(String value) {
        return "\"" + value + "\"";
    }

    /** Quotes and joins values: {@code "a", "b"}. */
    static String quoted(Iterable<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(quote(value));
        }
        return text.toString();
    }
}
