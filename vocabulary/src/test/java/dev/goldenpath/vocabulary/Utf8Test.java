package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 size of a text is what the JDK's encoder writes for it, whatever its characters. */
class Utf8Test {

    @Test
    void randomTextsOfEveryRangeHaveTheLengthTheJdkEncodes() {
        // Every range, surrogate pairs, and lone surrogates (which the encoder writes as '?').
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(30); c > 0; c--) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append((char) random.nextInt(0x80));
                    case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                    case 2 -> text.append((char) (0x800 + random.nextInt(0xD000)));
                    case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                    default -> text.append((char) (0xE000 + random.nextInt(0x2000)));
                }
            }
            String value = text.toString();
            assertEquals(value.getBytes(StandardCharsets.UTF_8).length, Utf8.length(value), value);
        }
        assertEquals(5, Utf8.length("café"));
        assertEquals(0, Utf8.length(""));
    }
}
