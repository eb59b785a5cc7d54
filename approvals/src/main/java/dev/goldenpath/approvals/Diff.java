package dev.goldenpath.approvals;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line diff (longest common subsequence) for failure messages: {@code -} approved, {@code +} received, two
 * lines of context. Each hunk is headed by the file inside the folder snapshot and its line in that file
 * ({@code @@ deployment.yaml line 42 @@}), so a reviewer knows where to look without counting.
 */
final class Diff {

    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 400;

    private Diff() {
    }

    /** One line of the diff: its kind ({@code ' '}, {@code '-'}, {@code '+'}), text, and index in the received text. */
    private record Line(char kind, String text, int received, int approved) {
    }

    static String unified(String approved, String received) {
        String[] a = approved.isEmpty() ? new String[0] : approved.split("\n", -1);
        String[] b = received.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(' ', a[i], j++, i++));
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add(new Line('-', a[i], j, i++));
            } else {
                lines.add(new Line('+', b[j], j++, i));
            }
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        boolean inHunk = false;
        for (int k = 0; k < lines.size() && shown < MAX_LINES; k++) {
            if (near(lines, k)) {
                if (!inHunk) {
                    Line first = lines.get(k);
                    // Locate the hunk in the received text, or in the approved one for a pure removal at the end.
                    out.append(first.kind() == '-' && first.received() >= b.length
                            ? header(a, first.approved()) : header(b, first.received())).append('\n');
                    inHunk = true;
                }
                Line line = lines.get(k);
                out.append(line.kind()).append(' ').append(line.text()).append('\n');
                shown++;
            } else {
                inHunk = false;
            }
        }
        return out.toString();
    }

    /**
     * {@code @@ file line N @@} for line {@code index} of a folder snapshot, whose documents start with a
     * {@code # file} line (at the top, or after {@code ---}).
     */
    static String header(String[] snapshot, int index) {
        int at = Math.min(index, snapshot.length - 1);
        for (int k = at; k >= 0; k--) {
            boolean documentStart = k == 0 || snapshot[k - 1].equals("---");
            if (documentStart && snapshot[k].startsWith("# ")) {
                return "@@ " + snapshot[k].substring(2) + " line " + Math.max(1, index - k) + " @@";
            }
        }
        return "@@ line " + (index + 1) + " @@";
    }

    private static boolean near(List<Line> lines, int k) {
        for (int d = -CONTEXT; d <= CONTEXT; d++) {
            int n = k + d;
            if (n >= 0 && n < lines.size() && lines.get(n).kind() != ' ') {
                return true;
            }
        }
        return false;
    }
}
