package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goldenpath.vocabulary.LineDiff.Edit;
import dev.goldenpath.vocabulary.LineDiff.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedLineIsRemovedThenAdded() {
        assertEquals(List.of(new Edit(Kind.KEEP, "a", 0, 0), new Edit(Kind.REMOVE, "b", 1, 1),
                        new Edit(Kind.ADD, "x", 2, 1), new Edit(Kind.KEEP, "c", 2, 2)),
                LineDiff.between(List.of("a", "b", "c"), List.of("a", "x", "c")));
    }

    @Test
    void markersAreThoseOfAUnifiedDiff() {
        assertEquals(" -+", "" + Kind.KEEP.marker() + Kind.REMOVE.marker() + Kind.ADD.marker());
    }

    @Test
    void emptyTextsAreAllAddedOrAllRemoved() {
        assertEquals(List.of(new Edit(Kind.ADD, "a", 0, 0)), LineDiff.between(List.of(), List.of("a")));
        assertEquals(List.of(new Edit(Kind.REMOVE, "a", 0, 0)), LineDiff.between(List.of("a"), List.of()));
        assertEquals(List.of(), LineDiff.between(List.of(), List.of()));
    }

    @Test
    void randomTextsGiveAShortestScriptThatRebuildsBothSides() {
        Random random = new Random(14);
        for (int round = 0; round < 500; round++) {
            List<String> before = text(random);
            List<String> after = text(random);
            List<Edit> edits = LineDiff.between(before, after);

            List<String> rebuiltBefore = new ArrayList<>();
            List<String> rebuiltAfter = new ArrayList<>();
            int kept = 0;
            for (Edit edit : edits) {
                if (edit.kind() != Kind.ADD) {
                    assertEquals(rebuiltBefore.size(), edit.before());
                    rebuiltBefore.add(edit.text());
                }
                if (edit.kind() != Kind.REMOVE) {
                    assertEquals(rebuiltAfter.size(), edit.after());
                    rebuiltAfter.add(edit.text());
                }
                kept += edit.kind() == Kind.KEEP ? 1 : 0;
            }
            assertEquals(before, rebuiltBefore);
            assertEquals(after, rebuiltAfter);
            assertEquals(lcs(before, after), kept, () -> before + " -> " + after);
        }
    }

    private static List<String> text(Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    /** The length of a longest common subsequence, by the textbook recursion (the oracle). */
    private static int lcs(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                table[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.size()][b.size()];
    }
}
