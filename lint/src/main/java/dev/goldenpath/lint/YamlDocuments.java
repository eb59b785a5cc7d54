package dev.goldenpath.lint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Splits a YAML stream into documents and parses each one on its own, so that one broken document (a Helm template
 * left unrendered, a tab in the indentation) becomes a finding at its line while the others are still linted.
 *
 * <p>Documents are separated by lines that start with {@code ---} (optionally followed by content) or {@code ...}.
 * Document indexes count documents as a YAML parser does: text before the first {@code ---} is a document only if
 * it holds content. Empty documents (only comments, as Helm's {@code # Source:} headers) are counted but yield
 * nothing.
 */
final class YamlDocuments {

    /** One parsed document: an object tree, or a syntax problem at a line. */
    record Document(int index, int line, JsonNode tree, LineIndex lines, String problem) {
    }

    private static final YAMLFactory FACTORY = yamlFactory();
    private static final ObjectMapper MAPPER = new YAMLMapper(FACTORY)
            // kubectl rejects duplicate keys; silently keeping the last one hides real mistakes.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlDocuments() {
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50); // "billion laughs" guard
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(32 * 1024 * 1024);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /** Every non-empty document of {@code text}, in order. */
    static List<Document> parse(String input) {
        // Editors on Windows may start a file with a byte order mark; it is not part of the first document.
        String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
        List<Document> documents = new ArrayList<>();
        int length = text.length();
        int position = 0;
        int lineNumber = 1;
        int chunkStart = 0;
        int chunkLine = 1;
        int index = 0;
        boolean counted = false; // whether the current chunk was opened by '---' (then it counts even if empty)
        while (position <= length) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = length;
            }
            boolean separator = startsSeparator(text, position, end, "---");
            boolean terminator = !separator && startsSeparator(text, position, end, "...");
            if (separator || terminator) {
                index = flush(documents, text, chunkStart, position, chunkLine, index, counted);
                counted = separator;
                // A '---' line may carry content ("--- {a: 1}"): it belongs to the new document.
                chunkStart = separator ? position : Math.min(end + 1, length);
                chunkLine = separator ? lineNumber : lineNumber + 1;
            }
            position = end + 1;
            lineNumber++;
        }
        flush(documents, text, chunkStart, length, chunkLine, index, counted);
        return documents;
    }

    private static boolean startsSeparator(String text, int start, int end, String marker) {
        if (end - start < 3 || !text.startsWith(marker, start)) {
            return false;
        }
        if (end - start == 3) {
            return true;
        }
        char next = text.charAt(start + 3);
        return next == ' ' || next == '\t' || next == '\r';
    }

    private static int flush(List<Document> documents, String text, int start, int end, int startLine, int index,
                             boolean counted) {
        if (start >= end) {
            return counted ? index + 1 : index;
        }
        String chunk = text.substring(start, end);
        int contentLine = firstContentLine(chunk, startLine);
        if (contentLine < 0) {
            return counted ? index + 1 : index;
        }
        try {
            JsonNode tree = MAPPER.readTree(chunk);
            if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                documents.add(new Document(index, contentLine, tree, new YamlLineIndex(chunk, startLine, contentLine),
                        ""));
            }
        } catch (JsonProcessingException e) {
            documents.add(problem(e, index, startLine, contentLine));
        }
        return index + 1;
    }

    /**
     * The parse problem without the parser's source excerpt: the excerpt may show a secret's value, and secrets never
     * go into reports.
     */
    private static Document problem(JsonProcessingException e, int index, int startLine, int contentLine) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            int line = mark == null ? contentLine : startLine + mark.getLine();
            StringBuilder message = new StringBuilder("YAML syntax error: ");
            if (marked.getContext() != null) {
                message.append(marked.getContext()).append(", ");
            }
            message.append(marked.getProblem() == null ? "unparsable document" : marked.getProblem());
            return new Document(index, line, null, null, message.toString());
        }
        int line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? startLine + e.getLocation().getLineNr() - 1 : contentLine;
        String original = e.getOriginalMessage();
        if (original.startsWith("Expected a field name")) {
            // Jackson's wording names parser internals; say what it means for a manifest.
            original = "a mapping or list is used as a key (an unrendered template such as {{ ... }}?)";
        }
        int newline = original.indexOf('\n');
        return new Document(index, line, null, null,
                "YAML error: " + (newline < 0 ? original : original.substring(0, newline)));
    }

    /** The line of the chunk's first key or value (skipping blank, comment and marker lines), or -1. */
    private static int firstContentLine(String chunk, int startLine) {
        int line = startLine;
        int position = 0;
        while (position < chunk.length()) {
            int end = chunk.indexOf('\n', position);
            if (end < 0) {
                end = chunk.length();
            }
            String content = chunk.substring(position, end).strip();
            if (content.startsWith("---")) {
                content = content.substring(3).strip();
            }
            if (!content.isEmpty() && !content.startsWith("#") && !content.startsWith("%")) {
                return line;
            }
            position = end + 1;
            line++;
        }
        return -1;
    }

    /**
     * Field lines of one document, computed on the first lookup only: most documents produce no finding, and the
     * generators lint tens of thousands of them.
     */
    private static final class YamlLineIndex implements LineIndex {
        private final String chunk;
        private final int startLine;
        private final int documentLine;
        private Map<String, Integer> lines;

        YamlLineIndex(String chunk, int startLine, int documentLine) {
            this.chunk = chunk;
            this.startLine = startLine;
            this.documentLine = documentLine;
        }

        @Override
        public synchronized int lineOf(String path) {
            if (lines == null) {
                lines = index(chunk);
            }
            for (String candidate = path; !candidate.isEmpty(); candidate = FieldPaths.parent(candidate)) {
                Integer line = lines.get(candidate);
                if (line != null) {
                    return startLine + line - 1;
                }
            }
            return documentLine;
        }

        private static Map<String, Integer> index(String chunk) {
            Map<String, Integer> lines = new HashMap<>();
            Deque<Frame> stack = new ArrayDeque<>();
            try (JsonParser parser = FACTORY.createParser(chunk)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    int line = parser.currentTokenLocation().getLineNr();
                    Frame top = stack.peek();
                    switch (token) {
                        case FIELD_NAME -> {
                            top.field = FieldPaths.child(top.path, parser.currentName());
                            lines.putIfAbsent(top.field, line);
                        }
                        case START_OBJECT, START_ARRAY -> {
                            String path = valuePath(top);
                            lines.putIfAbsent(path, line);
                            stack.push(new Frame(path, token == JsonToken.START_ARRAY));
                        }
                        case END_OBJECT, END_ARRAY -> stack.pop();
                        default -> lines.putIfAbsent(valuePath(top), line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The document parsed once already; if the index fails, findings point at the document's line.
            }
            return lines;
        }

        private static String valuePath(Frame top) {
            if (top == null) {
                return "";
            }
            return top.array ? FieldPaths.index(top.path, top.next++) : top.field;
        }

        private static final class Frame {
            final String path;
            final boolean array;
            String field = "";
            int next;

            Frame(String path, boolean array) {
                this.path = path;
                this.array = array;
            }
        }
    }
}
