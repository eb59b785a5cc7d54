package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The distance of known pairs, and the same as the distance's recursive definition on random short texts. */
class LevenshteinTest {

    @Test
    void knownPairs() {
        assertEquals(0, Levenshtein.distance("render", "render"));
        assertEquals(1, Levenshtein.distance("rendr", "render"));
        assertEquals(2, Levenshtein.distance("reveiw", "review"), "a swap is two edits");
        assertEquals(3, Levenshtein.distance("kitten", "sitting"));
        assertEquals(6, Levenshtein.distance("", "review"));
        assertEquals(6, Levenshtein.distance("review", ""));
    }

    @Test
    void agreesWithTheRecursiveDefinition() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String a = text(random);
            String b = text(random);
            assertEquals(definition(a, b), Levenshtein.distance(a, b), a + " / " + b);
            assertEquals(Levenshtein.distance(a, b), Levenshtein.distance(b, a), "symmetric: " + a + " / " + b);
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(3)));
        }
        return text.toString();
    }

    private static int definition(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.length() + b.length();
        }
        int replace = definition(a.substring(1), b.substring(1)) + (a.charAt(0) == b.charAt(0) ? 0 : 1);
        return Math.min(replace, Math.min(definition(a.substring(1), b), definition(a, b.substring(1))) + 1);
    }
}
