package dev.goldenpath.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The line-by-line edit script from one text to another, by a longest common subsequence: what a unified diff
 * ({@code diff -u}, {@code git diff}) and an approval test's failure message print, each in its own layout. The
 * common head and tail are matched first, which keeps it fast on YAML files that differ in a few places. Where two
 * scripts are equally short, removals come before additions.
 *
 * <pre>{@code
 * List<LineDiff.Edit> edits = LineDiff.between(List.of("a", "b", "c"), List.of("a", "x", "c"));
 * // ' ' a, '-' b, '+' x, ' ' c
 * }</pre>
 */
public final class LineDiff {

    private LineDiff() {
    }

    /** What happens to a line. */
    public enum Kind {
        /** In both texts. */
        KEEP,
        /** Only in the text before. */
        REMOVE,
        /** Only in the text after. */
        ADD;

        /** The marker a unified diff prints before the line: ' ', '-' or '+'. */
        public char marker() {
            return switch (this) {
                case KEEP -> ' ';
                case REMOVE -> '-';
                case ADD -> '+';
            };
        }
    }

    /**
     * One line of the script.
     *
     * @param kind   kept, removed or added
     * @param text   the line
     * @param before the line's index in the text before (for an added line: the index of the next line there)
     * @param after  the line's index in the text after (for a removed line: the index of the next line there)
     */
    public record Edit(Kind kind, String text, int before, int after) {
    }

    /** The edit script from {@code before} to {@code after}; every line of both appears once, in order. */
    public static List<Edit> between(List<String> before, List<String> after) {
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        int n = before.size() - head - tail;
        int m = after.size() - head - tail;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(head + i).equals(after.get(head + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>(before.size() + m);
        for (int k = 0; k < head; k++) {
            edits.add(new Edit(Kind.KEEP, before.get(k), k, k));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(head + i).equals(after.get(head + j))) {
                edits.add(new Edit(Kind.KEEP, before.get(head + i), head + i++, head + j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit(Kind.REMOVE, before.get(head + i), head + i++, head + j));
            } else {
                edits.add(new Edit(Kind.ADD, after.get(head + j), head + i, head + j++));
            }
        }
        for (int k = 0; k < tail; k++) {
            edits.add(new Edit(Kind.KEEP, before.get(head + n + k), head + n + k, head + m + k));
        }
        return edits;
    }
}
