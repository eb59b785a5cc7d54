package dev.goldenpath.cli;

import dev.goldenpath.vocabulary.LineDiff;
import dev.goldenpath.vocabulary.LineDiff.Edit;
import dev.goldenpath.vocabulary.LineDiff.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} and {@code git diff} print it: {@code ---}/{@code +++} headers,
 * then hunks of changed lines with three lines of context. The lines are matched by {@link LineDiff}, as in the
 * approval tests' failure messages.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} (labelled {@code a/path}) to {@code after} ({@code b/path}); empty when equal. */
    static String of(String path, String before, String after, boolean beforeExists, boolean afterExists) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Edit> ops = LineDiff.between(a, b);
        if (ops.stream().allMatch(op -> op.kind() == Kind.KEEP)) {
            return "";
        }
        StringBuilder out = new StringBuilder()
                .append("--- ").append(beforeExists ? "a/" + path : "/dev/null").append('\n')
                .append("+++ ").append(afterExists ? "b/" + path : "/dev/null").append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == Kind.KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within two contexts of the last one.
            int lastChange = i;
            for (int k = i; k < ops.size(); k++) {
                if (ops.get(k).kind() != Kind.KEEP) {
                    if (k - lastChange > 2 * CONTEXT) {
                        break;
                    }
                    lastChange = k;
                }
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = ops.get(start).before();
            int bStart = ops.get(start).after();
            int aCount = 0;
            int bCount = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                Edit op = ops.get(k);
                body.append(op.kind().marker()).append(op.text()).append('\n');
                if (op.kind() != Kind.ADD) {
                    aCount++;
                }
                if (op.kind() != Kind.REMOVE) {
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

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
