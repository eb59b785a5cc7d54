package dev.goldenpath.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} and {@code git diff} print it: {@code ---}/{@code +++} headers,
 * then hunks of changed lines with three lines of context. Lines are matched by a longest common subsequence
 * after trimming the common head and tail, which keeps it fast on YAML files that differ in a few places.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} (labelled {@code a/path}) to {@code after} ({@code b/path}); empty when equal. */
    static String of(String path, String before, String after, boolean beforeExists, boolean afterExists) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = ops(a, b);
        if (ops.stream().allMatch(op -> op.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder()
                .append("--- ").append(beforeExists ? "a/" + path : "/dev/null").append('\n')
                .append("+++ ").append(afterExists ? "b/" + path : "/dev/null").append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within two contexts of the last one.
            int lastChange = i;
            for (int k = i; k < ops.size(); k++) {
                if (ops.get(k).kind != ' ') {
                    if (k - lastChange > 2 * CONTEXT) {
                        break;
                    }
                    lastChange = k;
                }
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = ops.get(start).aLine;
            int bStart = ops.get(start).bLine;
            int aCount = 0;
            int bCount = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                Op op = ops.get(k);
                body.append(op.kind).append(op.text).append('\n');
                if (op.kind != '+') {
                    aCount++;
                }
                if (op.kind != '-') {
                    bCount++;
                }
            }
            out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n")
                    .append(body);
            i = end;
        }
        return out.toString();
    }

    private static String range(int start, int count) {
        // diff -u numbers lines from 1; an empty range names the line before it.
        int first = count == 0 ? start : start + 1;
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    private record Op(char kind, String text, int aLine, int bLine) {
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(head + i).equals(b.get(head + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>(a.size() + m);
        for (int k = 0; k < head; k++) {
            ops.add(new Op(' ', a.get(k), k, k));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(head + i).equals(b.get(head + j))) {
                ops.add(new Op(' ', a.get(head + i), head + i, head + j));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(head + i), head + i, head + j));
                i++;
            } else {
                ops.add(new Op('+', b.get(head + j), head + i, head + j));
                j++;
            }
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new Op(' ', a.get(head + n + k), head + n + k, head + m + k));
        }
        return ops;
    }
}
