package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Kubernetes label selector semantics: matchLabels AND matchExpressions; an empty selector selects everything. */
final class LabelSelector {

    private LabelSelector() {
    }

    static boolean selectsAll(JsonNode selector) {
        return Json.empty(selector.path("matchLabels")) && Json.empty(selector.path("matchExpressions"));
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        for (Map.Entry<String, JsonNode> required : selector.path("matchLabels").properties()) {
            JsonNode actual = labels.get(required.getKey());
            if (actual == null || !Json.text(actual).equals(Json.text(required.getValue()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = Json.text(expression.path("key"));
            JsonNode actual = labels.get(key);
            String value = actual == null ? null : Json.text(actual);
            boolean ok = switch (Json.text(expression.path("operator"))) {
                case "In" -> value != null && contains(expression.path("values"), value);
                case "NotIn" -> value == null || !contains(expression.path("values"), value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode candidate : values) {
            if (value.equals(Json.text(candidate))) {
                return true;
            }
        }
        return false;
    }
}
