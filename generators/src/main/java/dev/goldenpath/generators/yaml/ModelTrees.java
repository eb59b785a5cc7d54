package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Objects to JSON trees without Jackson's per-class introspection: the fabric8 model classes a render uses have tree
 * writers written at build time ({@code ModelWriters}, by goldenpath-treegen, which asks Jackson how it serializes
 * each class); this class holds what those writers share: the value rules of {@link Yaml#toTree} (nulls, empty lists
 * and empty maps left out, map entries sorted, empty objects kept) and the dispatch on a value's class. What has no
 * writer (a class of the user's, an enum, a date) goes through Jackson, as before, so the result never depends on
 * which path a value took; {@code ModelTreesTest} holds both paths equal on every written-down class with random
 * values, and on every object of rendered platforms.
 *
 * <p>Public only for the generated writers of classes in other packages of this module: not an API.
 */
public final class ModelTrees {

    /** Jackson's node factory (as {@code JsonNodeFactory.instance}), its objects' fields held in a {@link FieldMap}. */
    private static final JsonNodeFactory NODES = new CompactNodes();
    private static final int NONE = -1;
    private static final int QUANTITY = -2;
    private static final int ANY_TYPE = -3;
    /** Enums are numbered from here down: ENUM - i for {@code enums()[i]}. */
    private static final int ENUM = -4;

    /** The index of a class's writer in {@link ModelWriters#CLASSES}, or {@link #NONE} and the special kinds. */
    private static final ClassValue<Integer> WRITER = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return Table.BY_NAME.getOrDefault(type.getName(), NONE);
        }
    };

    /** How many values went to Jackson since start (tests check that rendered platforms never need it). */
    private static final AtomicLong JACKSON = new AtomicLong();


    private ModelTrees() {
    }

    /**
     * The writers the build wrote ({@code ModelWriters}, compiled after this module's own classes, found by name), and
     * their index by class name. Without them (sources compiled by an IDE alone) every value goes to Jackson: slower,
     * the same trees.
     */
    private static final class Table {
        static final TreeWriterTable WRITERS = load();
        static final Map<String, Integer> BY_NAME = index();
        static final String[][] ENUM_TEXTS = enumTexts();

        private static String[][] enumTexts() {
            if (WRITERS == null) {
                return new String[0][];
            }
            String[][] texts = new String[WRITERS.enums().length][];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = WRITERS.enumTexts(i);
            }
            return texts;
        }

        private static TreeWriterTable load() {
            try {
                Class<?> type = Class.forName(ModelTrees.class.getPackageName() + ".ModelWriters");
                return (TreeWriterTable) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        private static Map<String, Integer> index() {
            if (WRITERS == null) {
                return Map.of();
            }
            String[] classes = WRITERS.classes();
            Map<String, Integer> index = new HashMap<>(classes.length * 2);
            for (int i = 0; i < classes.length; i++) {
                index.put(classes[i], i);
            }
            for (String name : WRITERS.quantities()) {
                index.put(name, QUANTITY);
            }
            for (String name : WRITERS.anyTypes()) {
                index.put(name, ANY_TYPE);
            }
            String[] enums = WRITERS.enums();
            for (int i = 0; i < enums.length; i++) {
                index.put(enums[i], ENUM - i);
            }
            return index;
        }
    }

    /** The object of the named class read from the node by its reader ({@link ModelReaders}), or null. */
    static Object read(String className, ObjectNode node) {
        Integer index = Table.BY_NAME.get(className);
        return index == null || index < 0 ? null : Table.WRITERS.read(index, node);
    }

    /** Whether the build's writers are present (tests check that they are). */
    static boolean written() {
        return Table.WRITERS != null;
    }

    static long jacksonCount() {
        return JACKSON.get();
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Makes object nodes whose fields take a third of the memory of the default {@code LinkedHashMap}. */
    private static final class CompactNodes extends JsonNodeFactory {

        private static final long serialVersionUID = 1L;

        CompactNodes() {
            super(); // as JsonNodeFactory.instance is made
        }

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new FieldMap<>());
        }

        /**
         * One node per distinct short text: a rendered platform's million and a half string values are a few thousand
         * distinct ones ({@code TCP}, {@code RuntimeDefault}, kinds, versions, label values), and a text node is
         * immutable. The table forgets everything when it is full and starts again, so a long-lived JVM (a build
         * daemon, a test suite) keeps sharing what it renders now, and never holds more than the bound.
         */
        @Override
        public TextNode textNode(String text) {
            if (text == null || text.length() > MAX_SHARED_TEXT_LENGTH) {
                return super.textNode(text);
            }
            TextNode known = TEXTS.get(text);
            if (known == null) {
                known = super.textNode(text);
                if (TEXTS.size() >= MAX_SHARED_TEXTS) {
                    TEXTS.clear();
                }
                TextNode raced = TEXTS.putIfAbsent(text, known);
                known = raced != null ? raced : known;
            }
            return known;
        }
    }

    /** Forgets the shared texts (tests start from an empty table). */
    static void forgetSharedTexts() {
        TEXTS.clear();
    }

    /** How many distinct texts share their nodes at most (about a megabyte). */
    static final int MAX_SHARED_TEXTS = 8_192;
    /** Longer texts (reasons, rules, descriptions) rarely repeat. */
    static final int MAX_SHARED_TEXT_LENGTH = 64;
    private static final java.util.concurrent.ConcurrentHashMap<String, TextNode> TEXTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The tree of any value, as Jackson and {@link TreeGenerator} make it: null is a null node (kept in lists,
     * left out of objects by the callers).
     */
    static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        Class<?> type = value.getClass();
        if (type == Integer.class || type == Short.class || type == Byte.class) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (type == Boolean.class) {
            return NODES.booleanNode((Boolean) value);
        }
        if (type == Long.class) {
            return NODES.numberNode((long) (Long) value);
        }
        if (type == Double.class) {
            return NODES.numberNode((double) (Double) value);
        }
        if (type == Float.class) {
            return NODES.numberNode((float) (Float) value);
        }
        if (type == BigDecimal.class) {
            BigDecimal decimal = (BigDecimal) value;
            return NODES.numberNode(decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros());
        }
        if (type == BigInteger.class) {
            return NODES.numberNode((BigInteger) value);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = map(map);
            if (object != null) {
                return object;
            }
        } else if (value instanceof JsonNode node) {
            JsonNode copy = node(node);
            if (copy != null) {
                return copy;
            }
        } else if (value instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode(collection.size());
            for (Object element : collection) {
                array.add(value(element));
            }
            return array;
        } else {
            int writer = WRITER.get(type);
            if (writer >= 0) {
                return Table.WRITERS.write(writer, value);
            }
            if (writer == QUANTITY) {
                Quantity quantity = (Quantity) value;
                String amount = quantity.getAmount();
                String format = quantity.getFormat();
                return NODES.textNode((amount == null ? "" : amount) + (format == null ? "" : format));
            }
            if (writer == ANY_TYPE) {
                return value(((AnyType) value).getValue());
            }
            if (writer <= ENUM) {
                return NODES.textNode(Table.ENUM_TEXTS[ENUM - writer][((Enum<?>) value).ordinal()]);
            }
        }
        JACKSON.incrementAndGet();
        return Yaml.throughJackson(value);
    }

    /**
     * A tree value as Jackson writes it into a tree: fields in their order (not sorted), null fields and empty lists
     * in objects left out, numbers as the generator makes them; null for node types this does not copy.
     */
    private static JsonNode node(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    JsonNode value = node(field.getValue());
                    if (value == null) {
                        return null;
                    }
                    if (!value.isNull() && !(value.isArray() && value.isEmpty())) {
                        object.set(field.getKey(), value);
                    }
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode(node.size());
                for (JsonNode element : node) {
                    JsonNode value = node(element);
                    if (value == null) {
                        return null;
                    }
                    array.add(value);
                }
                return array;
            }
            case STRING:
                return NODES.textNode(node.textValue());
            case BOOLEAN:
                return NODES.booleanNode(node.booleanValue());
            case NULL:
                return NODES.nullNode();
            case NUMBER:
                switch (node.numberType()) {
                    case INT:
                        return NODES.numberNode(node.intValue());
                    case LONG:
                        return NODES.numberNode(node.longValue());
                    case DOUBLE:
                        return NODES.numberNode(node.doubleValue());
                    case FLOAT:
                        return NODES.numberNode(node.floatValue());
                    case BIG_INTEGER:
                        return NODES.numberNode(node.bigIntegerValue());
                    case BIG_DECIMAL: {
                        BigDecimal decimal = node.decimalValue();
                        return NODES.numberNode(decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros());
                    }
                    default:
                        return null;
                }
            default:
                return null;
        }
    }

    /**
     * A map's tree, its entries in the order Jackson writes them ({@code ORDER_MAP_ENTRIES_BY_KEYS}: a sorted map's own
     * order, else by key), nulls and empty lists left out; null when a key is not a string (Jackson then decides).
     * Labels, annotations and selectors of every object come here: no entry is copied, only an unsorted map's keys.
     */
    private static ObjectNode map(Map<?, ?> map) {
        ObjectNode object = NODES.objectNode();
        if (map instanceof SortedMap<?, ?> || map.size() < 2) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return null;
                }
                put(object, key, entry.getValue());
            }
            return object;
        }
        String[] keys = new String[map.size()];
        int n = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String text) || n == keys.length) {
                return null;
            }
            keys[n++] = text;
        }
        Arrays.sort(keys, 0, n);
        for (int i = 0; i < n; i++) {
            put(object, keys[i], map.get(keys[i]));
        }
        return object;
    }

    /** A map's entries in the order {@link #map} writes them, null values as {@link #NULL}; null for a non-string key. */
    private static List<Map.Entry<String, Object>> sorted(Map<?, ?> map) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return null;
            }
            entries.add(Map.entry(key, entry.getValue() == null ? NULL : entry.getValue()));
        }
        if (!(map instanceof SortedMap<?, ?>)) {
            entries.sort(Map.Entry.comparingByKey());
        }
        return entries;
    }

    /** Stands for a null map value while sorting ({@link Map#entry} takes no nulls). */
    private static final Object NULL = new Object();

    /** Adds a field unless its value is null or an empty list (the rule of {@link TreeGenerator}). */
    private static void put(ObjectNode object, String name, Object value) {
        if (value == null) {
            return;
        }
        JsonNode node = value(value);
        if (node.isNull() || node.isArray() && node.isEmpty()) {
            return;
        }
        object.set(name, node);
    }

    /** A property written whatever its value (but null): Jackson's NON_NULL. */
    public static final int KEEP = 0;
    /** A property left out when empty (NON_EMPTY); a map of nulls is not empty (content inclusion ALWAYS). */
    public static final int EMPTY = 1;
    /** A property left out when empty (NON_EMPTY), a map of nulls included (content inclusion NON_NULL). */
    public static final int EMPTY_OR_ALL_NULL = 2;

    /** Jackson's "empty" for a property included NON_EMPTY. */
    private static boolean isEmpty(Object value, boolean mapNullsSuppressed) {
        if (value instanceof String text) {
            return text.isEmpty();
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            if (!mapNullsSuppressed) {
                return map.isEmpty();
            }
            // A map whose values would all be left out (content NON_NULL) counts as empty, as in Jackson.
            for (Object entry : map.values()) {
                if (entry != null) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    // The property writers the generated code calls, one per declared type it distinguishes.

    public static void field(ObjectNode object, String name, Object value, int skip) {
        if (value == null || skip != KEEP && isEmpty(value, skip == EMPTY_OR_ALL_NULL)) {
            return;
        }
        put(object, name, value);
    }

    public static void text(ObjectNode object, String name, String value, boolean skipEmpty) {
        if (value == null || skipEmpty && value.isEmpty()) {
            return;
        }
        object.set(name, NODES.textNode(value));
    }

    public static void integer(ObjectNode object, String name, Integer value) {
        if (value != null) {
            object.set(name, NODES.numberNode((int) value));
        }
    }

    public static void longInteger(ObjectNode object, String name, Long value) {
        if (value != null) {
            object.set(name, NODES.numberNode((long) value));
        }
    }

    public static void bool(ObjectNode object, String name, Boolean value) {
        if (value != null) {
            object.set(name, NODES.booleanNode(value));
        }
    }

    /**
     * The entries of a {@code @JsonAnyGetter} map, sorted, after the properties written so far. An entry named like a
     * property replaces it; one whose value is an empty list removes it (as the tree generator does for Jackson).
     */
    public static void any(ObjectNode object, Map<?, ?> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Object>> sorted = sorted(values);
        if (sorted == null) {
            JACKSON.incrementAndGet();
            object.setAll((ObjectNode) Yaml.throughJackson(values));
            return;
        }
        for (Map.Entry<String, Object> entry : sorted) {
            if (entry.getValue() == NULL) {
                continue;
            }
            JsonNode node = value(entry.getValue());
            if (node.isNull()) {
                continue;
            }
            if (node.isArray() && node.isEmpty()) {
                object.remove(entry.getKey());
            } else {
                object.set(entry.getKey(), node);
            }
        }
    }
}
