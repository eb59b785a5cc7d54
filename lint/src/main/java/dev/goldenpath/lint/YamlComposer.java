package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Builds the JSON tree of one YAML document as Kubernetes reads it ({@code sigs.k8s.io/yaml}, i.e. go-yaml v2 into
 * untyped values, then JSON), from SnakeYAML's parser events:
 *
 * <ul>
 *   <li>aliases resolve to their anchor's value (anchors are per document, an anchor may be redefined, an alias
 *       inside its own anchor is refused);</li>
 *   <li>merge keys ({@code <<: *a}, {@code <<: [*a, *b]}) are applied where they stand, as go-yaml v2 does: keys
 *       are set in document order and a later one overrides an earlier one, so a key written before {@code <<} is
 *       overridden by the merged value; in a list of merged maps the earlier map wins;</li>
 *   <li>the expansion is bounded with go-yaml's own alias budget: a document in which aliases make up too large a
 *       share of the decoded values ("billion laughs") is refused, as Kubernetes refuses it;</li>
 *   <li>scalars are resolved by {@link YamlScalars}; keys become JSON field names; a key written twice is refused
 *       (merged keys may be overridden, that is what merging is for).</li>
 * </ul>
 *
 * Aliased values are shared, not copied, so the tree costs no more memory than the text. When asked, the composer
 * records the line of every field path it builds, for findings, or of the paths of a {@link SitePaths} only.
 */
final class YamlComposer {

    /** Nesting deeper than this is refused (Jackson's default bound; go-yaml's is 10 000). */
    static final int MAX_DEPTH = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Anchored OPEN = new Anchored(null, 0, 0);
    // go-yaml v2 (decode.go, allowedAliasRatio): up to 99% of decoded values may come from aliases in documents of
    // 400 000 values, scaling down to 10% at 4 000 000.
    private static final int RATIO_LOW = 400_000;
    private static final int RATIO_HIGH = 4_000_000;

    /** A document Kubernetes' reader refuses, at a 0-based line of the document. */
    static final class Problem extends RuntimeException {
        final int line;

        Problem(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private record Anchored(JsonNode node, long decodes, int height) {
    }

    private final Parser parser;
    private final Map<String, Integer> lines;
    /** The paths whose lines are recorded, or {@code null} for all of them. */
    private final SitePaths only;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private long decodes;
    private long aliasDecodes;
    private int height;

    private YamlComposer(String text, boolean surrogates, Map<String, Integer> lines, SitePaths only) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // the reader holds the document already; no second bound
        this.parser = new ParserImpl(new ScannerImpl(new CodePointReader(text, surrogates), options));
        this.lines = lines;
        this.only = only;
    }

    /**
     * The tree of the single document in {@code text}, or {@code null} for an empty one.
     *
     * @param lines receives the 0-based line of every field path, or {@code null}
     * @throws Problem when Kubernetes' reader would refuse the document
     * @throws org.yaml.snakeyaml.error.YAMLException on a syntax error
     */
    static JsonNode compose(String text, Map<String, Integer> lines) {
        return compose(text, lines, null);
    }

    /**
     * As {@link #compose(String, Map)}, recording the lines of the paths of {@code only} (and of no other path);
     * {@code null} records every path.
     */
    static JsonNode compose(String text, Map<String, Integer> lines, SitePaths only) {
        CodePointReader.Scan scan = CodePointReader.scan(text);
        if (scan.forbidden() != null) {
            throw new Problem(scan.forbidden().line(), String.format("the character U+%04X is not allowed in YAML",
                    scan.forbidden().codePoint()));
        }
        String cleaned = lineStartMarksRemoved(text);
        return new YamlComposer(cleaned, scan.surrogates(), lines, only).document();
    }

    /**
     * go-yaml (libyaml) skips a byte order mark at the start of any line before a token; SnakeYAML only at the
     * start of the stream and would read "\uFEFFapiVersion" as a key of its own, hiding the object. Removed here, so
     * a document that starts with one (two files concatenated) is read as Kubernetes reads it.
     */
    private static String lineStartMarksRemoved(String text) {
        if (text.indexOf('\uFEFF') < 0) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
            if (c != '\uFEFF' || !lineStart) {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    private JsonNode document() {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return null;
        }
        parser.getEvent(); // document start
        decodes++;
        JsonNode tree = node(lines == null ? null : "", only, 0);
        parser.getEvent(); // document end
        if (parser.checkEvent(Event.ID.DocumentStart)) {
            throw new Problem(line(parser.peekEvent()), "a second document starts without a '---' line of its own; "
                    + "kubectl would apply only the first");
        }
        return tree;
    }

    /** A node at {@code path} (recorded when not {@code null}); {@code at} is where the path is in {@link #only}. */
    private JsonNode node(String path, SitePaths at, int depth) {
        Event event = parser.peekEvent();
        if (depth > MAX_DEPTH) {
            throw new Problem(line(event), "the document nests deeper than " + MAX_DEPTH + " levels");
        }
        long before = decodes; // what decoding this node costs, itself included, is what each alias of it costs
        count(1, false, event);
        if (event instanceof AliasEvent alias) {
            parser.getEvent();
            return alias(alias, path, depth);
        }
        JsonNode node;
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, OPEN);
        }
        record(path, event);
        if (event instanceof ScalarEvent scalar) {
            parser.getEvent();
            node = scalar(scalar);
            height = 0;
        } else if (event.is(Event.ID.SequenceStart)) {
            node = sequence(path, at, depth);
        } else {
            node = mapping(path, at, depth);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, decodes - before, height));
        }
        return node;
    }

    private JsonNode alias(AliasEvent alias, String path, int depth) {
        Anchored anchored = anchors.get(alias.getAnchor());
        if (anchored == null) {
            throw new Problem(line(alias), "unknown anchor '" + alias.getAnchor() + "' referenced");
        }
        if (anchored == OPEN) {
            throw new Problem(line(alias), "anchor '" + alias.getAnchor() + "' value contains itself");
        }
        if (depth + anchored.height() > MAX_DEPTH) {
            throw new Problem(line(alias), "the document nests deeper than " + MAX_DEPTH + " levels");
        }
        record(path, alias);
        // Decoding an alias decodes its anchor's whole value again: count it as go-yaml does.
        count(anchored.decodes(), true, alias);
        height = anchored.height();
        return anchored.node();
    }

    private void count(long values, boolean aliased, Event event) {
        decodes += values;
        if (aliased) {
            aliasDecodes += values;
        }
        if (aliasDecodes > 100 && decodes > 1000 && (double) aliasDecodes / decodes > allowedAliasRatio(decodes)) {
            throw new Problem(line(event), "the document contains excessive aliasing (more than Kubernetes' YAML "
                    + "reader expands); it is not linted");
        }
    }

    private static double allowedAliasRatio(long decodes) {
        if (decodes <= RATIO_LOW) {
            return 0.99;
        } else if (decodes >= RATIO_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodes - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
    }

    private static JsonNode scalar(ScalarEvent scalar) {
        try {
            return YamlScalars.node(value(scalar));
        } catch (YamlScalars.Problem e) {
            throw new Problem(line(scalar), e.getMessage());
        }
    }

    private static Object value(ScalarEvent scalar) {
        boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        String tag = scalar.getTag();
        return YamlScalars.value(tag, plain && tag == null, scalar.getValue());
    }

    private JsonNode sequence(String path, SitePaths at, int depth) {
        parser.getEvent();
        ArrayNode array = NODES.arrayNode();
        SitePaths elementAt = at == null ? null : at.element();
        boolean recorded = path != null && (only == null || elementAt != null);
        int deepest = 0;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            array.add(node(recorded ? FieldPaths.index(path, array.size()) : null, elementAt, depth + 1));
            deepest = Math.max(deepest, height);
        }
        parser.getEvent();
        height = deepest + 1;
        return array;
    }

    private JsonNode mapping(String path, SitePaths at, int depth) {
        parser.getEvent();
        ObjectNode object = NODES.objectNode();
        // The keys written in this mapping; until a merge key adds keys of its own they are the object's keys, so
        // the set is made only for mappings with a merge key.
        Set<String> written = null;
        int deepest = 0;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            if (mergeKey(keyEvent)) {
                parser.getEvent();
                if (written == null) {
                    written = new HashSet<>();
                    object.fieldNames().forEachRemaining(written::add);
                }
                merge(object, path, at, depth, keyEvent);
            } else {
                String key = key(depth);
                boolean duplicate = written == null ? object.has(key) : !written.add(key);
                if (duplicate) {
                    throw new Problem(line(keyEvent), "duplicate key " + Json.quote(key)
                            + " (kubectl keeps the last value, strict readers refuse the document)");
                }
                SitePaths childAt = at == null ? null : at.child(key);
                String child = path == null || (only != null && childAt == null) ? null : FieldPaths.child(path, key);
                if (child != null && lines != null) {
                    lines.put(child, line(keyEvent));
                }
                object.set(key, node(child, childAt, depth + 1));
            }
            deepest = Math.max(deepest, height);
        }
        parser.getEvent();
        height = deepest + 1;
        return object;
    }

    /** go-yaml v2: a plain {@code <<}, or one tagged {@code !!merge}; a quoted "<<" is an ordinary key. */
    private static boolean mergeKey(Event event) {
        if (!(event instanceof ScalarEvent scalar) || !"<<".equals(scalar.getValue())) {
            return false;
        }
        return scalar.getTag() == null ? scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                : YamlScalars.MERGE.equals(scalar.getTag());
    }

    private String key(int depth) {
        Event event = parser.peekEvent();
        if (!(event instanceof ScalarEvent scalar)) {
            JsonNode key = node(null, null, depth + 1); // an alias, or a collection
            if (key.isContainerNode()) {
                throw new Problem(line(event),
                        "a mapping or list is used as a key (an unrendered template such as {{ ... }}?)");
            }
            if (key.isNull()) {
                throw new Problem(line(event), "a mapping key is null, which JSON cannot represent");
            }
            return key.isDouble() ? YamlScalars.goFloat32(key.doubleValue()) : key.asText();
        }
        parser.getEvent();
        count(1, false, event);
        try {
            Object value = value(scalar);
            String key = YamlScalars.key(value);
            if (scalar.getAnchor() != null) {
                anchors.put(scalar.getAnchor(), new Anchored(keyNode(value, key), 1, 0));
            }
            return key;
        } catch (YamlScalars.Problem e) {
            throw new Problem(line(event), e.getMessage());
        }
    }

    /** An anchored key as a value: .inf is a fine key but has no JSON value, so it stays text. */
    private static JsonNode keyNode(Object value, String key) {
        try {
            return YamlScalars.node(value);
        } catch (YamlScalars.Problem e) {
            return NODES.textNode(key);
        }
    }

    /** Merges a map, an alias of one, or a list of them into {@code object}, the earlier map of a list winning. */
    private void merge(ObjectNode object, String path, SitePaths at, int depth, Event keyEvent) {
        Event valueEvent = parser.peekEvent();
        boolean list = valueEvent.is(Event.ID.SequenceStart);
        boolean map = valueEvent.is(Event.ID.MappingStart) || valueEvent instanceof AliasEvent;
        JsonNode value = map || list ? node(null, null, depth + 1) : null;
        if (list) {
            for (int i = value.size() - 1; i >= 0; i--) {
                mergeMap(object, value.get(i), path, at, valueEvent, keyEvent);
            }
        } else {
            mergeMap(object, value, path, at, valueEvent, keyEvent);
        }
    }

    private void mergeMap(ObjectNode object, JsonNode map, String path, SitePaths at, Event valueEvent,
                          Event keyEvent) {
        if (map == null || !map.isObject()) {
            throw new Problem(line(valueEvent), "map merge requires map or sequence of maps as the value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            object.set(field.getKey(), field.getValue());
            if (path != null && lines != null && (only == null || at.child(field.getKey()) != null)) {
                lines.put(FieldPaths.child(path, field.getKey()), line(keyEvent));
            }
        }
    }

    private void record(String path, Event event) {
        if (path != null && lines != null) {
            lines.putIfAbsent(path, line(event));
        }
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine();
    }
}
