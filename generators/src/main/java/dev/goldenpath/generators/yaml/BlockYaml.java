package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a JSON tree as the block YAML that {@link Yaml}'s Jackson mapper writes for it, byte for byte, without
 * SnakeYAML's emitter (which costs as much as everything else a render does). It handles the shapes rendered objects
 * have: mappings, sequences of scalars and of mappings, empty <code>{}</code> and <code>[]</code>, single-line strings,
 * integers and booleans. For anything else (a multi-line string, a floating-point number, a null, a sequence directly
 * in a sequence, a key the emitter would write as a complex key) it answers {@code null} and the caller uses the
 * mapper for the whole document.
 *
 * <p>How a string is written (plain, double- or single-quoted) is the mapper's decision: strings of a class that it
 * always writes plain (a letter, then letters, digits and {@code -._/@:}, not ending in {@code :}, not a YAML 1.1
 * boolean or null) are written as they are; any other string is written once by the mapper itself and its answer is
 * remembered. Block style makes that answer independent of where the string stands, because lines are never split
 * ({@code SPLIT_LINES} off) and multi-line strings are left to the mapper.
 */
final class BlockYaml {

    /** Enough for the distinct strings of a very large platform; beyond it, answers are computed and not kept. */
    private static final int MAX_REMEMBERED = 200_000;
    /** Longer strings (reasons, rules, descriptions) are rare and each would hold its text twice: asked, not kept. */
    private static final int MAX_REMEMBERED_LENGTH = 256;
    /** SnakeYAML writes keys of 128 characters or more as complex keys ({@code ? key}). */
    private static final int MAX_SIMPLE_KEY = 100;
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    /** The mapper's bytes for a tree (its streaming equivalent, {@link Yaml#stream}). */
    private final java.util.function.Function<JsonNode, byte[]> mapper;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    /** Not writable by this class: the caller falls back to the mapper. */
    // Unchecked, so that it can leave the field visitor of ObjectNode.forEachEntry.
    private static final class Unsupported extends RuntimeException {
        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    BlockYaml(java.util.function.Function<JsonNode, byte[]> mapper) {
        this.mapper = mapper;
    }

    /** The document's bytes, or {@code null} when the tree holds something only the mapper writes. */
    byte[] write(JsonNode root) {
        if (!(root instanceof ObjectNode object) || object.isEmpty()) {
            return null;
        }
        Utf8Buffer out = Utf8Buffer.forThisThread();
        try {
            mapping(object, 0, out, false);
        } catch (Unsupported e) {
            return null;
        }
        return out.bytes();
    }

    // Each key at 'indent'; 'inlineFirst': the first key continues a "- " already written.
    private void mapping(ObjectNode object, int indent, Utf8Buffer out, boolean inlineFirst) throws Unsupported {
        boolean[] first = {true};
        // forEachEntry: a rendered tree's fields (FieldMap) are visited without an entry object each.
        object.forEachEntry((name, value) -> {
            if (!(first[0] && inlineFirst)) {
                out.spaces(indent);
            }
            first[0] = false;
            out.text(key(name)).ascii(':');
            value(value, indent, out);
        });
    }

    // A mapping's value, after "key:".
    private void value(JsonNode value, int indent, Utf8Buffer out) throws Unsupported {
        if (value instanceof ObjectNode object) {
            if (object.isEmpty()) {
                out.ascii(" {}\n");
            } else {
                out.ascii('\n');
                mapping(object, indent + 2, out, false);
            }
        } else if (value instanceof ArrayNode array) {
            if (array.isEmpty()) {
                out.ascii(" []\n");
            } else {
                out.ascii('\n');
                sequence(array, indent + 2, out);
            }
        } else {
            out.ascii(' ');
            scalar(value, out);
            out.ascii('\n');
        }
    }

    private void sequence(ArrayNode array, int indent, Utf8Buffer out) throws Unsupported {
        for (JsonNode element : array) {
            out.spaces(indent);
            out.ascii("- ");
            if (element instanceof ObjectNode object) {
                if (object.isEmpty()) {
                    out.ascii("{}\n");
                } else {
                    mapping(object, indent + 2, out, true);
                }
            } else if (element instanceof ArrayNode nested) {
                if (!nested.isEmpty()) {
                    throw Unsupported.INSTANCE;
                }
                out.ascii("[]\n");
            } else {
                scalar(element, out);
                out.ascii('\n');
            }
        }
    }

    private void scalar(JsonNode node, Utf8Buffer out) throws Unsupported {
        if (node.isTextual()) {
            String text = node.textValue();
            out.text(plain(text) ? text : remembered(values, text, false));
        } else if (node.isBoolean()) {
            out.ascii(node.booleanValue() ? "true" : "false");
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            out.number(node.longValue());
        } else {
            throw Unsupported.INSTANCE;
        }
    }

    private String key(String key) throws Unsupported {
        return plain(key) && key.length() < MAX_SIMPLE_KEY ? key : remembered(keys, key, true);
    }

    private String remembered(Map<String, String> cache, String text, boolean key) throws Unsupported {
        String known = cache.get(text);
        if (known == null) {
            known = ask(text, key);
            if (text.length() <= MAX_REMEMBERED_LENGTH && cache.size() < MAX_REMEMBERED) {
                cache.put(text, known);
            }
        }
        if (known.isEmpty()) {
            throw Unsupported.INSTANCE;
        }
        return known;
    }

    // The mapper's own rendering of one string, as a value ("k: <it>\n") or as a key ("<it>: 0\n"); "" when it
    // takes more than one line or becomes a complex key.
    private String ask(String text, boolean key) {
        ObjectNode probe = JsonNodeFactory.instance.objectNode();
        if (key) {
            probe.put(text, 0);
        } else {
            probe.put("k", text);
        }
        String written = new String(mapper.apply(probe), StandardCharsets.UTF_8);
        String rendered = key ? (written.endsWith(": 0\n") ? written.substring(0, written.length() - 4) : "")
                : (written.startsWith("k: ") ? written.substring(3, written.length() - 1) : "");
        boolean oneLine = rendered.indexOf('\n') < 0 && !rendered.startsWith("? ") && !rendered.startsWith("|")
                && !rendered.startsWith(">");
        return oneLine ? rendered : "";
    }

    /** Strings the mapper always writes as they are (checked against it in BlockYamlTest). */
    static boolean plain(String text) {
        int length = text.length();
        if (length == 0 || !letter(text.charAt(0)) || text.charAt(length - 1) == ':') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.' && c != '_' && c != '/' && c != '@'
                    && c != ':') {
                return false;
            }
        }
        return length > 5 || !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
