package dev.goldenpath.approvals;

import dev.goldenpath.vocabulary.LineDiff;
import dev.goldenpath.vocabulary.LineDiff.Edit;
import dev.goldenpath.vocabulary.LineDiff.Kind;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff ({@link LineDiff}) for failure messages: {@code -} approved, {@code +} received, two
 * lines of context. Each hunk is headed by the file inside the folder snapshot and its line in that file
 * ({@code @@ deployment.yaml line 42 @@}), so a reviewer knows where to look without counting.
 */
final class Diff {

    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 400;

    private Diff() {
    }

    static String unified(String approved, String received) {
        String[] a = approved.isEmpty() ? new String[0] : approved.split("\n", -1);
        String[] b = received.split("\n", -1);
        // Approved is the text before, received the text after.
        List<Edit> lines = LineDiff.between(Arrays.asList(a), Arrays.asList(b));
        StringBuilder out = new StringBuilder();
        int shown = 0;
        boolean inHunk = false;
        for (int k = 0; k < lines.size() && shown < MAX_LINES; k++) {
            if (near(lines, k)) {
                if (!inHunk) {
                    Edit first = lines.get(k);
                    // Locate the hunk in the received text, or in the approved one for a pure removal at the end.
                    out.append(first.kind() == Kind.REMOVE && first.after() >= b.length
                            ? header(a, first.before()) : header(b, first.after())).append('\n');
                    inHunk = true;
                }
                Edit line = lines.get(k);
                out.append(line.kind().marker()).append(' ').append(line.text()).append('\n');
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

    private static boolean near(List<Edit> lines, int k) {
        for (int d = -CONTEXT; d <= CONTEXT; d++) {
            int n = k + d;
            if (n >= 0 && n < lines.size() && lines.get(n).kind() != Kind.KEEP) {
                return true;
            }
        }
        return false;
    }
}
