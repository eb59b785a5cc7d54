package dev.goldenpath.lint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads the documents of a YAML file from a stream, a segment at a time, so that linting a file of any size holds
 * about one segment of its text (and one document's tree) rather than the whole file.
 *
 * <p>Segments are cut in the bytes, before a line that starts with {@code ---} or {@code ...} (a separator or
 * terminator line, as {@link YamlDocuments} cuts documents): these are ASCII, which UTF-8 never uses inside a
 * multi-byte sequence, and a line break before them is whole. Each segment is decoded on its own; the byte offsets
 * of invalid UTF-8 are those of the file. A document longer than a segment makes its segment longer.
 */
final class YamlStream {

    /** Segments are cut once this many bytes are read: large enough that cutting costs nothing, small in memory. */
    static final int SEGMENT = 1 << 20;
    /**
     * Files (or the files of one lint together) of this size or more are read by {@link #READERS} threads while this
     * thread lints what has been read ({@link YamlDocuments.Splitter#inParallel}, {@link Linter}); less on this thread
     * alone, where starting threads and running the parser's code cold on each of them would cost more than it saves.
     */
    static final long PARALLEL_FROM = 4L << 20;
    /**
     * The system property naming how many threads read a large file's documents; default 1, this thread. More pay
     * with C1 alone, as the launcher runs lints of up to 16 MiB: 2 threads linted 10 MB in 0.65 of the time. With
     * C2 as well (its compiler busy beside the readers, profiling code whose counters the threads share) 2 threads
     * took 1.20 times as long (docs/benchmarks.md). The launcher sets it when it runs C1 alone.
     */
    static final String READERS = "goldenpath.lint.readers";

    private final InputStream in;
    private final YamlDocuments.Splitter splitter;
    private final int segment;
    /** The size of the file when known, else -1: the buffer never grows past what is left of it. */
    private final long size;
    private byte[] buffer;
    private int length;
    /** The file offset of the buffer's first byte. */
    private long offset;
    private boolean end;

    private YamlStream(InputStream in, Consumer<YamlDocuments.Document> sink, int segment, long size, int readers) {
        this.in = in;
        this.splitter = readers > 1 ? YamlDocuments.Splitter.inParallel(sink, readers) : new YamlDocuments.Splitter(sink);
        this.segment = segment;
        this.size = size;
        this.buffer = new byte[(int) Math.min(segment, size < 0 ? 16 * 1024 : size + 1)];
    }

    /**
     * Hands every non-empty document of the stream to {@code sink} as soon as it is read, in order.
     *
     * @param size the stream's length when known (a file's size), else -1
     */
    static void parse(InputStream in, long size, Consumer<YamlDocuments.Document> sink) throws IOException {
        parse(in, sink, SEGMENT, size, readers(size));
    }

    /** How many threads read {@code size} bytes of YAML: 1 below {@link #PARALLEL_FROM}, else {@link #READERS}. */
    static int readers(long size) {
        return size < PARALLEL_FROM ? 1
                : Math.max(1, Math.min(Integer.getInteger(READERS, 1), Runtime.getRuntime().availableProcessors()));
    }

    /** {@link #parse(InputStream, long, Consumer)} with segments of {@code segment} bytes (small ones for tests). */
    static void parse(InputStream in, Consumer<YamlDocuments.Document> sink, int segment, long size)
            throws IOException {
        parse(in, sink, segment, size, 1);
    }

    /** The same, the documents read by {@code readers} threads when more than one. */
    static void parse(InputStream in, Consumer<YamlDocuments.Document> sink, int segment, long size, int readers)
            throws IOException {
        YamlStream stream = new YamlStream(in, sink, segment, size, readers);
        try {
            stream.run();
        } finally {
            stream.splitter.close();
        }
    }

    private void run() throws IOException {
        int want = segment;
        int searched = 1; // no cut starts before this index
        while (true) {
            read(want);
            if (end) {
                splitter.split(Utf8Text.decode(buffer, length, offset), true);
                return;
            }
            int cut = lastCut(searched);
            if (cut < 0) {
                searched = Math.max(1, length - 3); // one document longer than a segment: read on
                want = length + segment;
                continue;
            }
            splitter.split(Utf8Text.decode(buffer, cut, offset), false);
            System.arraycopy(buffer, cut, buffer, 0, length - cut);
            length -= cut;
            offset += cut;
            want = segment;
            searched = 1;
        }
    }

    /** Reads until the buffer holds {@code want} bytes or the stream ends; small files need a small buffer. */
    private void read(int want) throws IOException {
        while (!end && length < want) {
            if (length == buffer.length) {
                long capacity = buffer.length * 2L;
                if (size >= 0) {
                    // One byte more than the rest of the file, so that the read that finds its end needs no room.
                    capacity = Math.max(buffer.length + 1L, Math.min(capacity, size - offset + 1));
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(capacity, Integer.MAX_VALUE - 8));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                end = true;
            } else {
                length += read;
            }
        }
    }

    /**
     * The last index from {@code from} on where a separator or terminator line starts after a whole line break, or
     * -1. The line's fourth byte must be read already: it decides whether {@code ---x} is a separator.
     */
    private int lastCut(int from) {
        for (int i = length - 4; i >= from; i--) {
            byte c = buffer[i];
            if ((c == '-' || c == '.') && buffer[i + 1] == c && buffer[i + 2] == c && separatorEnd(buffer[i + 3])
                    && lineStart(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean lineStart(int i) {
        byte before = buffer[i - 1];
        return before == '\n' || before == '\r'; // buffer[i] is '-' or '.', so a '\r' before it is a whole break
    }

    /** After {@code ---}: the line ends, or content follows a space or tab ({@link YamlDocuments}' rule). */
    private static boolean separatorEnd(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
