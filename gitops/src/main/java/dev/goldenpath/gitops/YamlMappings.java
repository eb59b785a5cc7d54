package dev.goldenpath.gitops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mappings of a YAML (or JSON) text, read line by line without a YAML library: enough structure
 * for the secret guard to ask "which keys sit together in one object, with which scalar values".
 *
 * <p>Covered: block mappings and sequences (a {@code kind: List} of objects too), flow collections and
 * JSON (via {@link FlowYaml}), multi-document files, quoted keys and values, comments, tags, block
 * scalars ({@code |}, {@code >}, whose lines are content, not keys), anchors on scalars and mappings,
 * aliases and merge keys ({@code <<: *base}, {@code <<: [*a, *b]}) within a document. Not covered:
 * multi-line plain or quoted scalars used as keys, complex keys ({@code ? }), and a mapping's keys split
 * by an anchor or tag on its own line.
 */
final class YamlMappings {

    /** A scalar, an alias, a collection (empty or not), a block scalar, or nothing. */
    record Value(Kind kind, String text, boolean quoted, boolean empty, List<Value> items) {

        enum Kind { SCALAR, ALIAS, COLLECTION, BLOCK_SCALAR, NONE }

        static final Value NONE = new Value(Kind.NONE, "", false, true, List.of());

        static Value scalar(String text, boolean quoted) {
            return new Value(Kind.SCALAR, text, quoted, text.isEmpty(), List.of());
        }

        static Value alias(String name) {
            return new Value(Kind.ALIAS, name, false, false, List.of());
        }

        static Value collection(boolean empty, List<Value> items) {
            return new Value(Kind.COLLECTION, "", false, empty, List.copyOf(items));
        }

        /** YAML 1.2 core schema: an unquoted null, ~ or nothing is null. */
        boolean isNull() {
            return kind == Kind.NONE || kind == Kind.SCALAR && !quoted
                    && (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null"));
        }
    }

    /** One {@code key: value} with the 1-based line of its key. */
    record Entry(int line, String key, Value value) {
    }

    /** The entries of one YAML mapping, in order. */
    record Mapping(List<Entry> entries) {
        void add(Entry entry) {
            entries.add(entry);
        }
    }

    /** The mappings of one document and its anchors (YAML anchors do not cross documents). */
    static final class Document {
        final List<Mapping> mappings = new ArrayList<>();
        final Map<String, Mapping> mappingAnchors = new HashMap<>();
        final Map<String, Value> scalarAnchors = new HashMap<>();

        Mapping newMapping(String anchor) {
            Mapping mapping = new Mapping(new ArrayList<>());
            mappings.add(mapping);
            if (anchor != null) {
                mappingAnchors.put(anchor, mapping);
            }
            return mapping;
        }

        void anchor(String anchor, Value value) {
            if (anchor != null && value.kind() != Value.Kind.COLLECTION) {
                scalarAnchors.put(anchor, value);
            }
        }

        /** An alias replaced by its anchored scalar, when there is one. */
        Value resolve(Value value) {
            return value.kind() == Value.Kind.ALIAS ? scalarAnchors.getOrDefault(value.text(), value) : value;
        }

        /** The entries of {@code mapping} with merge keys applied: own keys win over merged ones (YAML merge). */
        Map<String, Entry> effective(Mapping mapping) {
            return effective(mapping, 0);
        }

        private Map<String, Entry> effective(Mapping mapping, int depth) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Entry entry : mapping.entries()) {
                if (entry.key().equals("<<") && depth < 8) {
                    List<Value> sources = entry.value().kind() == Value.Kind.COLLECTION
                            ? entry.value().items() : List.of(entry.value());
                    for (Value source : sources) {
                        Mapping merged = source.kind() == Value.Kind.ALIAS ? mappingAnchors.get(source.text()) : null;
                        if (merged != null) {
                            effective(merged, depth + 1).forEach(entries::putIfAbsent);
                        }
                    }
                }
            }
            for (Entry entry : mapping.entries()) {
                entries.put(entry.key(), entry);
            }
            return entries;
        }
    }

    private static final Pattern ANCHOR_ALONE = Pattern.compile("(?:[&!][^\\s]*[ \\t]*)+(?:#.*)?");
    private static final Pattern ANCHOR_NAME = Pattern.compile("&([^\\s]+)");
    private static final Pattern ANCHOR_OR_TAG = Pattern.compile("([&!][^\\s,\\[\\]{}]*)[ \\t]*");

    private YamlMappings() {
    }

    static List<Document> read(String text) {
        return new Reader(text).read();
    }

    /** The line-by-line pass over block structure; flow collections go to {@link FlowYaml}. */
    private static final class Reader {
        private final String text;
        private final LineStarts lines;
        private final List<Document> documents = new ArrayList<>();
        private Document document = new Document();
        /** The open block mapping at each column; deeper ones close when a shallower line comes. */
        private Mapping[] mappingAtColumn = new Mapping[64];
        private int deepestOpen = -1;
        private String pendingAnchor;
        private int pendingAnchorColumn;
        private int blockScalarColumn = -1;
        private int resumeAt;

        Reader(String text) {
            this.text = text;
            this.lines = new LineStarts(text);
        }

        List<Document> read() {
            for (int index = 0; index < lines.count(); index++) {
                int start = lines.start(index);
                if (start < resumeAt) {
                    continue;
                }
                int end = index + 1 < lines.count() ? lines.start(index + 1) - 1 : text.length();
                String raw = text.substring(start, end);
                if (raw.endsWith("\r")) {
                    raw = raw.substring(0, raw.length() - 1);
                }
                line(index, start, raw);
            }
            finishDocument();
            return documents;
        }

        private void line(int index, int start, String raw) {
            if (raw.equals("---") || raw.startsWith("--- ") || raw.equals("...")) {
                finishDocument();
                return;
            }
            String content = raw.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                return;
            }
            int indent = raw.length() - content.length();
            if (blockScalarColumn >= 0 && indent > blockScalarColumn) {
                return;
            }
            blockScalarColumn = -1;
            closeMappingsDeeperThan(indent);
            int p = 0;
            while (content.startsWith("- ", p) || content.startsWith("-\t", p) || p < content.length()
                    && content.charAt(p) == '-' && p + 1 == content.length()) {
                p++;
                while (p < content.length() && (content.charAt(p) == ' ' || content.charAt(p) == '\t')) {
                    p++;
                }
            }
            boolean startsItem = p > 0;
            int column = indent + p;
            String rest = content.substring(p);
            if (rest.startsWith("{") || rest.startsWith("[")) {
                flow(start + column);
                return;
            }
            if (startsItem && (rest.startsWith("&") || rest.startsWith("!")) && ANCHOR_ALONE.matcher(rest).matches()) {
                // "- &base" with the item's keys on the next lines: they form the anchored mapping.
                Matcher anchor = ANCHOR_NAME.matcher(rest);
                pendingAnchor = anchor.find() ? anchor.group(1) : null;
                pendingAnchorColumn = indent;
                return;
            }
            int colon = keyEnd(rest);
            if (colon < 0) {
                return;
            }
            closeMappingsDeeperThan(column);
            if (column >= mappingAtColumn.length) {
                mappingAtColumn = Arrays.copyOf(mappingAtColumn, column * 2);
            }
            Mapping mapping = startsItem ? null : mappingAtColumn[column];
            if (mapping == null) {
                String anchor = pendingAnchor != null && column > pendingAnchorColumn ? pendingAnchor : null;
                mapping = document.newMapping(anchor);
                mappingAtColumn[column] = mapping;
                deepestOpen = Math.max(deepestOpen, column);
            }
            pendingAnchor = null;
            int valueAt = colon + 1;
            while (valueAt < rest.length() && (rest.charAt(valueAt) == ' ' || rest.charAt(valueAt) == '\t')) {
                valueAt++;
            }
            mapping.add(new Entry(index + 1, unquote(rest.substring(0, colon)),
                    value(index, rest.substring(valueAt), start + column + valueAt, column)));
        }

        private Value value(int index, String text, int offset, int column) {
            String anchor = null;
            int skip = 0;
            Matcher prefix = text.startsWith("&") || text.startsWith("!") ? ANCHOR_OR_TAG.matcher(text) : null;
            while (prefix != null && skip < text.length() && (text.charAt(skip) == '&' || text.charAt(skip) == '!')
                    && prefix.find(skip) && prefix.start() == skip) {
                if (prefix.group(1).startsWith("&")) {
                    anchor = prefix.group(1).substring(1);
                }
                skip = prefix.end();
            }
            String rest = stripComment(text.substring(skip));
            Value value;
            if (rest.isEmpty()) {
                if (anchor != null) {
                    pendingAnchor = anchor;
                    pendingAnchorColumn = column;
                }
                return hasChildren(index, column) ? Value.collection(false, List.of()) : Value.NONE;
            } else if (rest.startsWith("{") || rest.startsWith("[")) {
                int before = document.mappings.size();
                value = flow(offset + skip);
                if (anchor != null && rest.startsWith("{") && document.mappings.size() > before) {
                    document.mappingAnchors.put(anchor, document.mappings.get(before));
                }
            } else if (rest.startsWith("*")) {
                value = Value.alias(rest.substring(1));
            } else if (rest.startsWith("|") || rest.startsWith(">")) {
                blockScalarColumn = column;
                value = new Value(Value.Kind.BLOCK_SCALAR, "", false, false, List.of());
            } else if (rest.startsWith("\"") || rest.startsWith("'")) {
                value = quoted(rest);
            } else {
                value = Value.scalar(rest, false);
            }
            document.anchor(anchor, value);
            return value;
        }

        private Value flow(int offset) {
            Value[] result = new Value[1];
            try {
                int end = FlowYaml.parse(text, lines, document, offset, result);
                int nextLine = lines.lineOf(end);   // 1-based: the index of the line after
                resumeAt = nextLine < lines.count() ? lines.start(nextLine) : text.length();
                return result[0];
            } catch (FlowYaml.Unreadable e) {
                return Value.scalar(text.substring(offset, Math.min(text.length(), offset + 1)), false);
            }
        }

        private boolean hasChildren(int index, int column) {
            for (int next = index + 1; next < lines.count(); next++) {
                int start = lines.start(next);
                int end = next + 1 < lines.count() ? lines.start(next + 1) - 1 : text.length();
                String raw = text.substring(start, end).stripTrailing();
                String content = raw.stripLeading();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                if (raw.equals("---") || raw.startsWith("--- ") || raw.equals("...")) {
                    return false;
                }
                int indent = raw.length() - content.length();
                return indent > column || indent == column && (content.startsWith("- ") || content.equals("-"));
            }
            return false;
        }

        private void closeMappingsDeeperThan(int column) {
            if (column < deepestOpen) {
                Arrays.fill(mappingAtColumn, column + 1, deepestOpen + 1, null);
                deepestOpen = column;
            }
        }

        private void finishDocument() {
            if (!document.mappings.isEmpty()) {
                documents.add(document);
            }
            document = new Document();
            closeMappingsDeeperThan(-1);
            pendingAnchor = null;
            blockScalarColumn = -1;
        }
    }

    private static Value quoted(String text) {
        Value[] result = new Value[1];
        try {
            FlowYaml.parse(text, new LineStarts(text), new Document(), 0, result);
            return result[0];
        } catch (FlowYaml.Unreadable e) {
            // A quoted scalar continued on the next lines: a literal, whatever it holds.
            return Value.scalar(text.substring(1), true);
        }
    }

    /**
     * Where the {@code :} that ends a block mapping key is, or -1 when the line holds no key. A key is
     * a quoted scalar or a plain one (YAML 1.2 7.3.3: it cannot start with an indicator, and ": " or a
     * final ":" ends it; " #" starts a comment).
     */
    static int keyEnd(String rest) {
        if (rest.isEmpty()) {
            return -1;
        }
        char first = rest.charAt(0);
        int i;
        if (first == '"' || first == '\'') {
            i = 1;
            while (i < rest.length() && rest.charAt(i) != first) {
                i += first == '"' && rest.charAt(i) == '\\' ? 2 : 1;
            }
            if (i >= rest.length()) {
                return -1;
            }
            i++;
            while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == '\t')) {
                i++;
            }
            return i < rest.length() && rest.charAt(i) == ':' && endsKey(rest, i) ? i : -1;
        }
        if ("#'\"{}[],&*!|>%@`:".indexOf(first) >= 0 || first == '-' && rest.length() > 1 && rest.charAt(1) == ' ') {
            return -1;
        }
        for (i = 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '#' && (rest.charAt(i - 1) == ' ' || rest.charAt(i - 1) == '\t')) {
                return -1;
            }
            if (c == ':' && endsKey(rest, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsKey(String rest, int colon) {
        return colon + 1 == rest.length() || rest.charAt(colon + 1) == ' ' || rest.charAt(colon + 1) == '\t';
    }

    private static String stripComment(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("\"") || trimmed.startsWith("'")) {
            return trimmed;
        }
        int hash = trimmed.indexOf(" #");
        return (hash >= 0 ? trimmed.substring(0, hash) : trimmed).strip();
    }

    private static String unquote(String raw) {
        String key = raw.strip();
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"")
                || key.startsWith("'") && key.endsWith("'"))) {
            return quoted(key).text();
        }
        return key.strip();
    }
}
