package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A file read in segments ({@link YamlStream}) yields the documents of the whole file read at once: the same
 * indexes, lines, trees and problems, whatever the segment size, with every kind of line break, separator and
 * terminator lines, a byte order mark, invalid UTF-8 and documents longer than a segment.
 */
class YamlStreamTest {

    private static final byte[] LATIN1_BYTE = {(byte) 0xE9};

    @Test
    void segmentsGiveTheDocumentsOfTheWholeFile() throws IOException {
        List<byte[]> files = new ArrayList<>();
        files.add(utf8("a: 1\n---\nb: 2\n---\n---\n# only a comment\n---\nc: [1, 2]\n"));
        files.add(utf8("\uFEFF---\napiVersion: v1\nkind: ConfigMap\n...\nnot: counted\n--- {x: 1}\n---x: 2\n---\tz: 3\n"));
        files.add(utf8("a: 1\r\n---\r\nb: 2\r\n...\r\n---\r\nc: 3"));
        files.add(utf8("a: 1\r---\rb: 2\r---\r\n---\nc: \"é ü 雪 😀\"\n---\n"));
        files.add(utf8("key: |\n  ---not a separator\n  ...\n  text\n---\nlong: " + "x".repeat(300) + "\n---\nend: 1"));
        files.add(utf8("a: &x {b: 1}\nc: *x\n---\nd: {<<: *x, e: 2}\n---\nbroken: [\n---\nok: true\n---\n- a\n- b\n"));
        files.add(concat(utf8("a: 1\n---\nbad: "), LATIN1_BYTE, utf8("\n---\nc: 3\n---\nd: \"é\"\n---\nbad2: "),
                LATIN1_BYTE, LATIN1_BYTE, utf8("\n")));
        files.add(utf8("---"));
        files.add(utf8(""));
        try (Stream<Path> corpus = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path file : corpus.filter(file -> file.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(Files.readAllBytes(file));
            }
        }
        int compared = 0;
        for (byte[] file : files) {
            List<String> whole = describe(YamlDocuments.parse(Utf8Text.decode(file)));
            for (int segment : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 64, 256, YamlStream.SEGMENT}) {
                for (long size : new long[] {-1, file.length}) {
                    // Read on this thread, and by two and three threads of their own (handed over in order).
                    for (int readers : new int[] {1, 2, 3}) {
                        List<YamlDocuments.Document> streamed = new ArrayList<>();
                        YamlStream.parse(new ByteArrayInputStream(file), streamed::add, segment, size, readers);
                        assertEquals(whole, describe(streamed), "segments of " + segment + " bytes, " + readers
                                + " readers, of\n" + new String(file, StandardCharsets.UTF_8));
                        compared += whole.size();
                    }
                }
            }
        }
        assertTrue(compared > 900, "compared " + compared);
    }

    @Test
    void readersHandOverManyDocumentsInOrderWhileReadingAhead() throws IOException {
        // More text than the read-ahead holds: the sink waits for the oldest document, never takes a later one first.
        StringBuilder text = new StringBuilder();
        int documents = 0;
        while (text.length() < 3 * YamlDocuments.READ_AHEAD_CHARS) {
            text.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c").append(documents)
                    .append("\ndata:\n  k: ").append("v".repeat(documents % 3 == 0 ? 5000 : 10)).append('\n');
            if (documents % 101 == 0) {
                text.append("---\nbroken: [\n");
                documents++;
            }
            documents++;
        }
        byte[] file = utf8(text.toString());
        List<String> whole = describe(YamlDocuments.parse(Utf8Text.decode(file)));
        List<YamlDocuments.Document> streamed = new ArrayList<>();
        YamlStream.parse(new ByteArrayInputStream(file), streamed::add, YamlStream.SEGMENT, file.length, 2);
        assertEquals(documents, whole.size());
        assertEquals(whole, describe(streamed));
    }

    @Test
    void readsStreamsThatDeliverAByteAtATime() throws IOException {
        byte[] file = utf8("a: 1\n---\nb: 2\n---\nc: 3\n");
        InputStream trickle = new ByteArrayInputStream(file) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
        List<YamlDocuments.Document> streamed = new ArrayList<>();
        YamlStream.parse(trickle, streamed::add, 4, -1);
        assertEquals(describe(YamlDocuments.parse(Utf8Text.decode(file))), describe(streamed));
    }

    private static List<String> describe(List<YamlDocuments.Document> documents) {
        List<String> described = new ArrayList<>();
        for (YamlDocuments.Document document : documents) {
            String lines = document.lines() == null ? "" : " first key at " + document.lines().lineOf("a") + "/"
                    + document.lines().lineOf("metadata.name");
            described.add(document.index() + "@" + document.line() + " " + document.tree() + " "
                    + document.problem() + lines);
        }
        return described;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
