package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON trees to fabric8 objects without Jackson's per-class introspection: the readers goldenpath-treegen writes at
 * build time next to the tree writers ({@link ModelTrees}), for the fabric8 classes Jackson reads with a default
 * constructor and setters. A reader takes only what Jackson reads without a decision: each value of its property's
 * kind (text for a string, an int for an Integer, an array for a list, a scalar for a quantity...). For anything
 * else (a null, a number where text is expected, which Jackson may coerce or refuse) it answers "ask Jackson" and
 * the caller reads the whole object with Jackson, so the result never depends on the path; {@code ModelReadersTest}
 * holds both equal.
 */
final class ModelReaders {

    /** A value the readers leave to Jackson. */
    static final Object JACKSON = new Object();

    static final int TEXT = 0;
    static final int INTEGER = 1;
    static final int LONG = 2;
    static final int BOOL = 3;
    static final int DOUBLE = 4;
    /** {@code Object}: what Jackson's untyped reading gives (maps, lists, strings, numbers, booleans, nulls). */
    static final int UNTYPED = 5;
    static final int BEAN = 6;
    /** fabric8's {@code Quantity}: its deserializer reads a scalar's text. */
    static final int QUANTITY = 7;
    /** fabric8's {@code IntOrString}: its creator takes the untyped value. */
    static final int INT_OR_STRING = 8;

    private ModelReaders() {
    }

    /** The object of {@code type} Jackson would read from the tree, or null when Jackson must read it. */
    static <T> T read(JsonNode tree, Class<T> type) {
        if (!(tree instanceof ObjectNode node)) {
            return null;
        }
        Object read = ModelTrees.read(type.getName(), node);
        return read == null ? null : type.cast(read);
    }

    /** A property's value of a kind; {@link #JACKSON} when the node is not plainly of that kind. */
    static Object value(JsonNode node, int kind, String bean) {
        switch (kind) {
            case TEXT:
                return node.isTextual() ? node.textValue() : JACKSON;
            case INTEGER:
                return node.isInt() ? (Object) node.intValue() : JACKSON;
            case LONG:
                return node.isInt() || node.isLong() ? (Object) node.longValue() : JACKSON;
            case BOOL:
                return node.isBoolean() ? (Object) node.booleanValue() : JACKSON;
            case DOUBLE:
                return node.isDouble() || node.isInt() || node.isLong() ? (Object) node.doubleValue() : JACKSON;
            case UNTYPED:
                return untyped(node);
            case QUANTITY:
                if (!node.isTextual() && !node.isInt() && !node.isLong()) {
                    return JACKSON;
                }
                try {
                    return new io.fabric8.kubernetes.api.model.Quantity(node.asText());
                } catch (IllegalArgumentException e) {
                    return JACKSON; // not a quantity: Jackson's exception says so
                }
            case INT_OR_STRING:
                return node.isTextual() ? new io.fabric8.kubernetes.api.model.IntOrString((Object) node.textValue())
                        : node.isInt() ? new io.fabric8.kubernetes.api.model.IntOrString((Object) node.intValue())
                        : JACKSON;
            case BEAN: {
                if (!(node instanceof ObjectNode object)) {
                    return JACKSON;
                }
                Object read = ModelTrees.read(bean, object);
                return read == null ? JACKSON : read;
            }
            default:
                return JACKSON;
        }
    }

    static Object list(JsonNode node, int kind, String bean) {
        if (!node.isArray()) {
            return JACKSON;
        }
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            Object value = element.isNull() ? JACKSON : value(element, kind, bean);
            if (value == JACKSON) {
                return JACKSON;
            }
            list.add(value);
        }
        return list;
    }

    static Object map(JsonNode node, int kind, String bean) {
        if (!node.isObject()) {
            return JACKSON;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Object value = entry.getValue().isNull() ? JACKSON : value(entry.getValue(), kind, bean);
            if (value == JACKSON) {
                return JACKSON;
            }
            map.put(entry.getKey(), value);
        }
        return map;
    }

    /** Jackson's untyped reading of the node types goldenpath's YAML reader makes; {@link #JACKSON} for others. */
    private static Object untyped(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
                return null;
            case NUMBER:
                if (node.isInt()) {
                    return node.intValue();
                }
                if (node.isLong()) {
                    return node.longValue();
                }
                if (node.isDouble()) {
                    return node.doubleValue();
                }
                if (node.isBigInteger()) {
                    return node.bigIntegerValue();
                }
                return JACKSON;
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    Object value = untyped(element);
                    if (value == JACKSON) {
                        return JACKSON;
                    }
                    list.add(value);
                }
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    Object value = untyped(entry.getValue());
                    if (value == JACKSON) {
                        return JACKSON;
                    }
                    map.put(entry.getKey(), value);
                }
                return map;
            }
            default:
                return JACKSON;
        }
    }
}
