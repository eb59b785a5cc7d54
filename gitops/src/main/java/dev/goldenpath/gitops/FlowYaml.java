package dev.goldenpath.gitops;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one YAML flow collection ({@code {a: b}}, {@code [x, y]}), which also covers JSON, since JSON is
 * YAML flow style. It keeps what the secret guard needs: every mapping with its keys, scalar values,
 * anchors and aliases, and the line of each key. It throws {@link Unreadable} on input Kubernetes
 * would not read either; the caller then scans on past it.
 */
final class FlowYaml {

    /** Flow text that is not YAML. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final LineStarts lines;
    private final YamlMappings.Document document;
    private int pos;

    private FlowYaml(String text, LineStarts lines, YamlMappings.Document document, int pos) {
        this.text = text;
        this.lines = lines;
        this.document = document;
        this.pos = pos;
    }

    /** Parses the node at {@code start}, adding its mappings to {@code document}; returns the end offset. */
    static int parse(String text, LineStarts lines, YamlMappings.Document document, int start,
                     YamlMappings.Value[] result) throws Unreadable {
        FlowYaml parser = new FlowYaml(text, lines, document, start);
        result[0] = parser.node();
        return parser.pos;
    }

    private YamlMappings.Value node() throws Unreadable {
        skipBlank();
        String anchor = null;
        while (pos < text.length() && (text.charAt(pos) == '&' || text.charAt(pos) == '!')) {
            boolean isAnchor = text.charAt(pos) == '&';
            int start = ++pos;
            while (pos < text.length() && !isBreak(text.charAt(pos)) && ",[]{}".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (isAnchor) {
                anchor = text.substring(start, pos);
            }
            skipBlank();
        }
        char c = peek();
        YamlMappings.Value value;
        if (c == '{') {
            value = mapping(anchor);
        } else if (c == '[') {
            value = sequence();
        } else if (c == '*') {
            int start = ++pos;
            while (pos < text.length() && !isBreak(text.charAt(pos)) && ",[]{}".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            value = YamlMappings.Value.alias(text.substring(start, pos));
        } else if (c == '"') {
            value = YamlMappings.Value.scalar(doubleQuoted(), true);
        } else if (c == '\'') {
            value = YamlMappings.Value.scalar(singleQuoted(), true);
        } else {
            value = YamlMappings.Value.scalar(plain(), false);
        }
        document.anchor(anchor, value);
        return value;
    }

    private YamlMappings.Value mapping(String anchor) throws Unreadable {
        pos++;
        YamlMappings.Mapping mapping = document.newMapping(anchor);
        while (true) {
            skipBlank();
            if (peek() == '}') {
                pos++;
                return YamlMappings.Value.collection(mapping.entries().isEmpty(), List.of());
            }
            int line = lines.lineOf(pos);
            YamlMappings.Value key = node();
            skipBlank();
            YamlMappings.Value value = YamlMappings.Value.NONE;
            if (peek() == ':') {
                pos++;
                skipBlank();
                value = peek() == ',' || peek() == '}' ? YamlMappings.Value.NONE : node();
            }
            mapping.add(new YamlMappings.Entry(line, key.text(), value));
            skipBlank();
            char next = peek();
            pos++;
            if (next == '}') {
                return YamlMappings.Value.collection(false, List.of());
            }
            if (next != ',') {
                throw new Unreadable("expected ',' or '}' at offset " + (pos - 1));
            }
        }
    }

    private YamlMappings.Value sequence() throws Unreadable {
        pos++;
        List<YamlMappings.Value> items = new ArrayList<>();
        while (true) {
            skipBlank();
            if (peek() == ']') {
                pos++;
                return YamlMappings.Value.collection(items.isEmpty(), items);
            }
            items.add(node());
            skipBlank();
            if (peek() == ':') {
                // A single-pair mapping inside a sequence ([a: b]); its value is read and not kept.
                pos++;
                node();
                skipBlank();
            }
            char next = peek();
            pos++;
            if (next == ']') {
                return YamlMappings.Value.collection(false, items);
            }
            if (next != ',') {
                throw new Unreadable("expected ',' or ']' at offset " + (pos - 1));
            }
        }
    }

    private String doubleQuoted() throws Unreadable {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            // \\uXXXX matters: a name spelled with escapes is still the same name to Kubernetes.
            if (escaped == 'u' && pos + 4 <= text.length()) {
                try {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                } catch (NumberFormatException e) {
                    throw new Unreadable("bad \\u escape at offset " + pos);
                }
                pos += 4;
            } else {
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case '0' -> '\0';
                    default -> escaped;
                });
            }
        }
        throw new Unreadable("unterminated double-quoted string");
    }

    private String singleQuoted() throws Unreadable {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    out.append('\'');
                    pos++;
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
        throw new Unreadable("unterminated single-quoted string");
    }

    // YAML 1.2 7.3.3: a plain scalar in flow context ends at a flow indicator, at ": " and at " #".
    private String plain() throws Unreadable {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == ']' || c == '}' || c == '[' || c == '{') {
                break;
            }
            if (c == ':' && (pos + 1 >= text.length() || isBreak(text.charAt(pos + 1))
                    || ",[]{}".indexOf(text.charAt(pos + 1)) >= 0)) {
                break;
            }
            if (c == '#' && pos > start && isBreak(text.charAt(pos - 1))) {
                break;
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw new Unreadable("flow collection not closed");
        }
        return text.substring(start, pos).strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private void skipBlank() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#' && (pos == 0 || isBreak(text.charAt(pos - 1)))) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (isBreak(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private char peek() throws Unreadable {
        if (pos >= text.length()) {
            throw new Unreadable("flow collection not closed");
        }
        return text.charAt(pos);
    }

    private static boolean isBreak(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
