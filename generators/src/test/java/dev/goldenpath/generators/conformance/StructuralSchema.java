package dev.goldenpath.generators.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Kubernetes structural schema (a CRD version's {@code openAPIV3Schema}) applied the way the API server applies
 * it, written for this project's tests because a generic JSON Schema validator misses what matters here:
 *
 * <ul>
 *   <li><b>Pruning.</b> A field that the schema does not specify is dropped by the API server (or refused with
 *       strict field validation). Every such field is an error here. {@code x-kubernetes-preserve-unknown-fields}
 *       keeps the unknown fields of its own node only: nested nodes with {@code properties} still prune (Kubernetes
 *       docs, "Controlling pruning"), which a converter that inherits "preserve" to the whole subtree misses. An
 *       object node with neither {@code properties}, {@code additionalProperties} nor preserve keeps nothing.</li>
 *   <li>{@code x-kubernetes-int-or-string}, {@code nullable}, {@code x-kubernetes-embedded-resource} (apiVersion,
 *       kind and metadata required), {@code x-kubernetes-list-type: set|map} (items unique, by their map keys).</li>
 *   <li>Value validation: {@code enum}, {@code pattern}, {@code minLength}/{@code maxLength} (in characters, as Go
 *       counts runes), {@code minimum}/{@code maximum} (exclusive too), {@code multipleOf}, item and property counts,
 *       {@code uniqueItems}, {@code required}, the junctors {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}
 *       (validation only: they never specify fields), and the formats the API server checks that matter for us
 *       ({@code byte}, {@code date-time}, {@code int32}, {@code int64}).</li>
 *   <li>{@code x-kubernetes-validations} (CEL): each rule reached is handed to {@link CelRules}, which evaluates the
 *       rules it knows and reports the others as not checked.</li>
 * </ul>
 * The root {@code metadata} is ObjectMeta, checked by the Renderer's own limits, not here.
 */
final class StructuralSchema {

    private final JsonNode root;
    private final CelRules cel;

    StructuralSchema(JsonNode openApiV3Schema, CelRules cel) {
        this.root = openApiV3Schema;
        this.cel = cel;
    }

    /** Every violation of {@code object}, each as {@code <field path>: <problem>}. */
    List<String> violations(JsonNode object) {
        List<String> problems = new ArrayList<>();
        validate(root, object, "", true, problems, true);
        return problems;
    }

    /**
     * @param structural whether unknown fields count (false inside junctors, which only validate values)
     * @param top        the object's root, whose {@code metadata} is ObjectMeta
     */
    private void validate(JsonNode schema, JsonNode value, String path, boolean structural, List<String> problems,
                          boolean top) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(at(path) + "null is not allowed (the field is not nullable)");
            }
            return;
        }
        if (!type(schema, value, path, problems)) {
            return;
        }
        values(schema, value, path, problems);
        for (String junctor : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.has(junctor)) {
                int passed = 0;
                List<String> first = new ArrayList<>();
                for (JsonNode option : schema.get(junctor)) {
                    List<String> sub = new ArrayList<>();
                    validate(option, value, path, false, sub, false);
                    if (sub.isEmpty()) {
                        passed++;
                    } else if (first.isEmpty()) {
                        first.addAll(sub);
                    }
                    if (junctor.equals("allOf")) {
                        problems.addAll(sub);
                    }
                }
                if (junctor.equals("anyOf") && passed == 0) {
                    problems.add(at(path) + "matches none of anyOf (first: " + first + ")");
                } else if (junctor.equals("oneOf") && passed != 1) {
                    problems.add(at(path) + "matches " + passed + " of oneOf, must match exactly one");
                }
            }
        }
        if (schema.has("not")) {
            List<String> sub = new ArrayList<>();
            validate(schema.get("not"), value, path, false, sub, false);
            if (sub.isEmpty()) {
                problems.add(at(path) + "matches the schema under 'not'");
            }
        }
        if (schema.has("x-kubernetes-validations")) {
            cel.check(schema.get("x-kubernetes-validations"), value, path, problems);
        }
        if (value.isObject()) {
            object(schema, value, path, structural, problems, top);
        } else if (value.isArray()) {
            array(schema, value, path, structural, problems);
        }
    }

    private static boolean type(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(at(path) + "must be an integer or a string, is " + value.getNodeType());
                return false;
            }
            return true;
        }
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            problems.add(at(path) + "must be of type " + type + ", is " + value.getNodeType()
                    + (value.isTextual() ? " '" + value.asText() + "'" : ""));
        }
        return ok;
    }

    private static void values(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value) || allowed.isNumber() && value.isNumber()
                        && allowed.decimalValue().compareTo(value.decimalValue()) == 0;
            }
            if (!found) {
                problems.add(at(path) + "'" + value.asText() + "' is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                problems.add(at(path) + "is " + length + " characters, over the maxLength " + schema.get("maxLength").asInt());
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                problems.add(at(path) + "is " + length + " characters, under the minLength " + schema.get("minLength").asInt());
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                problems.add(at(path) + "'" + text + "' does not match the pattern " + schema.get("pattern").asText());
            }
            format(schema.path("format").asText(""), text, path, problems);
        }
        if (value.isNumber()) {
            number(schema, value, path, problems);
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(at(path) + "has " + value.size() + " items, over the maxItems " + schema.get("maxItems").asInt());
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(at(path) + "has " + value.size() + " items, under the minItems " + schema.get("minItems").asInt());
            }
            if (schema.path("uniqueItems").asBoolean(false) || "set".equals(schema.path("x-kubernetes-list-type").asText())) {
                Set<JsonNode> seen = new HashSet<>();
                value.forEach(item -> {
                    if (!seen.add(item)) {
                        problems.add(at(path) + "holds " + item + " twice (items must be unique)");
                    }
                });
            }
            if ("map".equals(schema.path("x-kubernetes-list-type").asText())) {
                Set<List<JsonNode>> keys = new HashSet<>();
                for (JsonNode item : value) {
                    List<JsonNode> key = new ArrayList<>();
                    schema.path("x-kubernetes-list-map-keys").forEach(k -> key.add(item.path(k.asText())));
                    if (!keys.add(key)) {
                        problems.add(at(path) + "holds two items with the map keys " + key + " (list-type map)");
                    }
                }
            }
        }
        if (value.isObject()) {
            if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
                problems.add(at(path) + "has " + value.size() + " fields, over the maxProperties " + schema.get("maxProperties").asInt());
            }
            if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
                problems.add(at(path) + "has " + value.size() + " fields, under the minProperties " + schema.get("minProperties").asInt());
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(at(path) + "the required field '" + required.asText() + "' is missing");
                }
            }
        }
    }

    private static void number(JsonNode schema, JsonNode value, String path, List<String> problems) {
        double number = value.asDouble();
        if (schema.has("maximum")) {
            double max = schema.get("maximum").asDouble();
            if (number > max || schema.path("exclusiveMaximum").asBoolean(false) && number == max) {
                problems.add(at(path) + number + " is over the maximum " + schema.get("maximum"));
            }
        }
        if (schema.has("minimum")) {
            double min = schema.get("minimum").asDouble();
            if (number < min || schema.path("exclusiveMinimum").asBoolean(false) && number == min) {
                problems.add(at(path) + number + " is under the minimum " + schema.get("minimum"));
            }
        }
        if (schema.has("multipleOf") && Math.IEEEremainder(number, schema.get("multipleOf").asDouble()) != 0) {
            problems.add(at(path) + number + " is not a multiple of " + schema.get("multipleOf"));
        }
        String format = schema.path("format").asText("");
        if (format.equals("int32") && (!value.canConvertToInt())) {
            problems.add(at(path) + value + " does not fit format int32");
        } else if (format.equals("int64") && !value.canConvertToLong()) {
            problems.add(at(path) + value + " does not fit format int64");
        }
    }

    private static void format(String format, String text, String path, List<String> problems) {
        switch (format) {
            case "byte" -> {
                try {
                    Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    problems.add(at(path) + "is not base64 (format byte)");
                }
            }
            case "date-time" -> {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    problems.add(at(path) + "'" + text + "' is not an RFC 3339 date-time");
                }
            }
            default -> { }
        }
    }

    private void object(JsonNode schema, JsonNode value, String path, boolean structural, List<String> problems,
                        boolean top) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
        if (embedded) {
            for (String field : List.of("apiVersion", "kind", "metadata")) {
                if (!value.has(field)) {
                    problems.add(at(path) + "an embedded resource needs '" + field + "'");
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String key = field.getKey();
            String child = path + "." + key;
            if ((top || embedded) && (key.equals("apiVersion") || key.equals("kind") || key.equals("metadata"))
                    && !properties.has(key)) {
                continue;   // implied on every object; metadata is ObjectMeta
            }
            if (top && key.equals("metadata")) {
                continue;
            }
            if (properties.has(key)) {
                validate(properties.get(key), field.getValue(), child, structural, problems, false);
            } else if (additional.isObject()) {
                validate(additional, field.getValue(), child, structural, problems, false);
            } else if (additional.isBoolean() && !additional.asBoolean() && !preserve) {
                problems.add(at(child) + "is not allowed (additionalProperties: false)");
            } else if (structural && !preserve && !additional.asBoolean(false)) {
                problems.add(at(child) + "is not in the schema: the API server would prune it (or refuse it with "
                        + "strict field validation)");
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, String path, boolean structural, List<String> problems) {
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(schema.get("items"), value.get(i), path + "[" + i + "]", structural, problems, false);
            }
        }
    }

    private static String at(String path) {
        return (path.isEmpty() ? "(root)" : path.substring(1)) + ": ";
    }
}
