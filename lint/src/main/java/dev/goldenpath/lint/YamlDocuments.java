package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Splits a YAML stream into documents and reads each one on its own, as Kubernetes does ({@code kubectl} splits at
 * {@code ---} lines and decodes each document separately), so that one broken document (a Helm template left
 * unrendered, a tab in the indentation, invalid UTF-8) becomes a finding at its line while the others are still
 * linted. Each document is read by {@link YamlComposer}: anchors, aliases and merge keys as Kubernetes resolves them.
 *
 * <p>Documents are separated by lines that start with {@code ---} (optionally followed by content) or {@code ...};
 * lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as in YAML. Document indexes count documents as a YAML
 * parser does: text before the first {@code ---} is a document only if it holds content. Empty documents (only
 * comments, as Helm's {@code # Source:} headers) are counted but yield nothing.
 *
 * <p>Documents are handed over one at a time, as they are read: a caller that keeps nothing of a document's tree
 * holds one tree at a time, however many documents the text has.
 */
final class YamlDocuments {

    /** One parsed document: an object tree, or a syntax problem at a line. */
    record Document(int index, int line, JsonNode tree, LineIndex lines, String problem) {
    }

    /** Text read ahead of the sink by a parallel splitter: a few documents' trees in memory, whatever the file. */
    static final long READ_AHEAD_CHARS = 1 << 20;

    private YamlDocuments() {
    }

    /** Every non-empty document of {@code text}, in order. */
    static List<Document> parse(String input) {
        return parse(Utf8Text.of(input));
    }

    /** Every non-empty document of a decoded file; documents holding invalid UTF-8 are problems. */
    static List<Document> parse(Utf8Text input) {
        List<Document> documents = new ArrayList<>();
        parse(input, documents::add);
        return documents;
    }

    /** Hands every non-empty document of a decoded file to {@code sink} as soon as it is read, in order. */
    static void parse(Utf8Text input, Consumer<Document> sink) {
        new Splitter(sink).split(input, true);
    }

    /**
     * Walks the lines once, cutting documents at separator lines. A file may come in segments ({@link YamlStream}):
     * each segment but the last ends where a separator or terminator line starts, so every chunk lies in one
     * segment; the document index and the line number go on from one segment to the next.
     */
    static final class Splitter {
        private final Consumer<Document> sink;
        /** Reads documents beside this thread, or null to read each on this one ({@link #inParallel}). */
        private final ExecutorService readers;
        /** Documents being read, in order: each goes to the sink once it and every one before it is read. */
        private final OrderedReads<Document> reading;
        private String text;
        private List<Utf8Text.Malformed> malformed;
        private int index;
        private int cursor;
        private int lineNumber = 1;
        private boolean first = true;

        Splitter(Consumer<Document> sink) {
            this(sink, null);
        }

        private Splitter(Consumer<Document> sink, ExecutorService readers) {
            this.sink = sink;
            this.readers = readers;
            this.reading = new OrderedReads<>(document -> {
                if (document != null) {
                    sink.accept(document);
                }
            });
        }

        /**
         * A splitter that reads documents on {@code threads} threads of its own while it goes on cutting, and hands
         * them to the sink on this thread, in order: the sink sees what a one-thread splitter hands it. Reading (the
         * YAML parser) is most of a large lint's work, and documents read independently. At most
         * {@link #READ_AHEAD_CHARS} of text are read ahead of the sink, so memory stays a few documents' trees.
         * {@link #close} ends the threads.
         */
        static Splitter inParallel(Consumer<Document> sink, int threads) {
            return new Splitter(sink, OrderedReads.readers(threads));
        }

        /** Ends the reading threads, if any; documents not yet handed over are dropped. */
        void close() {
            if (readers != null) {
                readers.shutdownNow();
            }
        }

        /** Cuts the documents of the next segment of the file; {@code last} for the end of the file. */
        void split(Utf8Text segment, boolean last) {
            this.text = segment.text();
            this.malformed = segment.malformed();
            this.cursor = 0;
            // Editors on Windows may start a file with a byte order mark; it is not part of the first document.
            int begin = first && text.startsWith("\uFEFF") ? 1 : 0;
            first = false;
            int length = text.length();
            int position = begin;
            int chunkStart = begin;
            int chunkLine = lineNumber;
            // Whether the chunk was opened by '---' (then it counts even if empty). A segment starts at a separator
            // line, which opens its own chunk: the previous segment's last chunk was flushed at its end.
            boolean counted = false;
            boolean newlinesOnly = text.indexOf('\r', begin) < 0; // then String.indexOf finds line ends, fast
            // The end of a segment other than the last is the start of its successor's first line, not a line.
            while (position < length || (last && position == length)) {
                int newline = newlinesOnly ? text.indexOf('\n', position) : -1;
                int end = newlinesOnly ? (newline < 0 ? length : newline) : lineEnd(text, position);
                int next = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                        ? end + 2 : end + 1;
                boolean separator = startsSeparator(text, position, end, "---");
                boolean terminator = !separator && startsSeparator(text, position, end, "...");
                if (separator || terminator) {
                    flush(chunkStart, position, chunkLine, counted);
                    counted = separator;
                    // A '---' line may carry content ("--- {a: 1}"): it belongs to the new document.
                    chunkStart = separator ? position : Math.min(next, length);
                    chunkLine = separator ? lineNumber : lineNumber + 1;
                }
                position = next;
                lineNumber++;
            }
            flush(chunkStart, length, chunkLine, counted);
            if (last) {
                reading.handOver(0);
            }
        }

        private void flush(int start, int end, int startLine, boolean counted) {
            if (start >= end) {
                index += counted ? 1 : 0;
                return;
            }
            String chunk = text.substring(start, end);
            int contentLine = firstContentLine(chunk, startLine);
            if (contentLine < 0) {
                index += counted ? 1 : 0;
                return;
            }
            Utf8Text.Malformed bad = malformedIn(start, end);
            if (bad != null) {
                int line = startLine + lineBreaks(chunk, bad.charIndex() - start);
                Document problem = new Document(index, line, null, null, "invalid UTF-8 at byte offset "
                        + bad.byteOffset() + " of the file: Kubernetes' YAML reader refuses the document");
                if (readers == null) {
                    sink.accept(problem);
                } else {
                    reading.add(CompletableFuture.completedFuture(problem), 0, READ_AHEAD_CHARS);
                }
            } else if (readers == null) {
                Document document = read(chunk, index, startLine, contentLine);
                if (document != null) {
                    sink.accept(document);
                }
            } else {
                int documentIndex = index;
                reading.add(CompletableFuture.supplyAsync(() -> read(chunk, documentIndex, startLine, contentLine),
                        readers), chunk.length(), READ_AHEAD_CHARS);
            }
            index++;
        }

        /** The first invalid sequence in [start, end); chunks come in order, so the list is walked once. */
        private Utf8Text.Malformed malformedIn(int start, int end) {
            while (cursor < malformed.size() && malformed.get(cursor).charIndex() < start) {
                cursor++;
            }
            if (cursor < malformed.size() && malformed.get(cursor).charIndex() < end) {
                return malformed.get(cursor);
            }
            return null;
        }
    }

    private static Document read(String chunk, int index, int startLine, int contentLine) {
        try {
            Map<String, Integer> sites = new HashMap<>();
            JsonNode tree = YamlComposer.compose(chunk, sites, SitePaths.ROOT);
            if (tree == null || tree.isNull()) {
                return null; // an empty document: counted, nothing to lint
            }
            return new Document(index, contentLine, tree, new YamlLineIndex(chunk, startLine, contentLine, sites), "");
        } catch (YamlComposer.Problem e) {
            return new Document(index, startLine + e.line, null, null, "YAML error: " + e.getMessage());
        } catch (MarkedYAMLException e) {
            return problem(e, index, startLine, contentLine);
        } catch (YAMLException e) {
            return new Document(index, contentLine, null, null, "YAML syntax error: unparsable document");
        }
    }

    /**
     * The parse problem without the parser's source excerpt: the excerpt may show a secret's value, and secrets never
     * go into reports.
     */
    private static Document problem(MarkedYAMLException marked, int index, int startLine, int contentLine) {
        Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        int line = mark == null ? contentLine : startLine + mark.getLine();
        StringBuilder message = new StringBuilder("YAML syntax error: ");
        if (marked.getContext() != null) {
            message.append(marked.getContext()).append(", ");
        }
        message.append(marked.getProblem() == null ? "unparsable document" : marked.getProblem());
        return new Document(index, line, null, null, message.toString());
    }

    /** The end of the line starting at {@code position}: the index of its line break, or the text's length. */
    private static int lineEnd(String text, int position) {
        for (int i = position; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** The number of line breaks in {@code text} before {@code end}. */
    private static int lineBreaks(String text, int end) {
        int breaks = 0;
        for (int i = 0; i < end && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    private static boolean startsSeparator(String text, int start, int end, String marker) {
        if (end - start < 3 || !text.startsWith(marker, start)) {
            return false;
        }
        if (end - start == 3) {
            return true;
        }
        char next = text.charAt(start + 3);
        return next == ' ' || next == '\t';
    }

    /** The line of the chunk's first key or value (skipping blank, comment and marker lines), or -1. */
    private static int firstContentLine(String chunk, int startLine) {
        int line = startLine;
        int position = 0;
        while (position < chunk.length()) {
            int end = lineEnd(chunk, position);
            int start = position;
            while (start < end && Character.isWhitespace(chunk.charAt(start))) {
                start++;
            }
            if (chunk.startsWith("---", start)) {
                start += 3;
                while (start < end && Character.isWhitespace(chunk.charAt(start))) {
                    start++;
                }
            }
            if (start < end && chunk.charAt(start) != '#' && chunk.charAt(start) != '%') {
                return line;
            }
            position = end < chunk.length() && chunk.charAt(end) == '\r' && end + 1 < chunk.length()
                    && chunk.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            line++;
        }
        return -1;
    }

    /**
     * Field lines of one document, computed on the first lookup only: most documents produce no finding, and the
     * generators lint tens of thousands of them. Fields that come from an alias or a merge key point at the line
     * of the alias or the {@code <<}. The lines of {@link SitePaths}, which every workload needs, were recorded by
     * the first reading.
     */
    private static final class YamlLineIndex implements LineIndex {
        private final String chunk;
        private final int startLine;
        private final int documentLine;
        private final Map<String, Integer> sites;
        private Map<String, Integer> lines;

        YamlLineIndex(String chunk, int startLine, int documentLine, Map<String, Integer> sites) {
            this.chunk = chunk;
            this.startLine = startLine;
            this.documentLine = documentLine;
            this.sites = sites;
        }

        @Override
        public synchronized int lineOf(String path) {
            if (lines == null && SitePaths.ROOT.covers(path)) {
                return lineIn(sites, path); // the path and all its parents were recorded
            }
            if (lines == null) {
                lines = new HashMap<>();
                try {
                    YamlComposer.compose(chunk, lines);
                } catch (RuntimeException e) {
                    // The document was read once already; if the index fails, findings point at the document's line.
                }
            }
            return lineIn(lines, path);
        }

        private int lineIn(Map<String, Integer> lines, String path) {
            for (String candidate = path; !candidate.isEmpty(); candidate = FieldPaths.parent(candidate)) {
                Integer line = lines.get(candidate);
                if (line != null) {
                    return startLine + line;
                }
            }
            return documentLine;
        }
    }
}
