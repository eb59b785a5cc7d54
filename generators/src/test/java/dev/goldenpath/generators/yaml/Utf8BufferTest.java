package dev.goldenpath.generators.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The block writer's buffer encodes exactly as {@code String.getBytes(UTF_8)} does, whatever it is given. */
class Utf8BufferTest {

    @Test
    void randomStringsOfEveryRangeAreEncodedAsTheJdkEncodesThem() {
        Random random = new Random(18);
        // ASCII, two-byte, three-byte, surrogate pairs, and lone surrogates (which the JDK replaces with '?').
        char[][] ranges = {{0, 0x7F}, {0x80, 0x7FF}, {0x800, 0xD7FF}, {0xE000, 0xFFFF}, {0xD800, 0xDBFF},
                {0xDC00, 0xDFFF}};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                if (random.nextInt(4) == 0) {
                    text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1));
                } else {
                    char[] range = ranges[random.nextInt(ranges.length)];
                    text.append((char) (range[0] + random.nextInt(range[1] - range[0] + 1)));
                }
            }
            String value = text.toString();
            Utf8Buffer buffer = Utf8Buffer.forThisThread();
            buffer.ascii("k:").ascii(' ').text(value).ascii('\n');
            assertArrayEquals(("k: " + value + "\n").getBytes(StandardCharsets.UTF_8), buffer.bytes(), value);
        }
    }

    @Test
    void numbersAndSpacesAreWrittenAsTheirStrings() {
        Utf8Buffer buffer = Utf8Buffer.forThisThread();
        long[] numbers = {0, 7, 9, 10, -1, -10, 8080, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE};
        StringBuilder expected = new StringBuilder();
        for (long number : numbers) {
            buffer.number(number).spaces(3).spaces(300).ascii('|');
            expected.append(number).append(" ".repeat(303)).append('|');
        }
        assertEquals(expected.toString(), new String(buffer.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentLargerThanTheKeptSizeGrowsTheBufferWhichIsThenNotKept() {
        Utf8Buffer small = Utf8Buffer.forThisThread();
        assertSame(small, Utf8Buffer.forThisThread(), "a buffer of the usual size is reused");
        String large = "é".repeat(Utf8Buffer.KEPT);
        small.text(large);
        assertArrayEquals(large.getBytes(StandardCharsets.UTF_8), small.bytes());
        Utf8Buffer next = Utf8Buffer.forThisThread();
        assertNotSame(small, next, "a buffer grown for one large document is dropped");
        assertEquals(0, next.bytes().length, "a buffer starts empty");
        next.ascii("a");
        assertArrayEquals(new byte[] {'a'}, next.bytes());
    }
}
