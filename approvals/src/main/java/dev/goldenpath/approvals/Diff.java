package dev.goldenpath.approvals;

import java.util.ArrayList;
import java.util.List;

/** A small line diff (longest common subsequence) for failure messages: {@code -} approved, {@code +} received. */
final class Diff {

    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 400;

    private Diff() {
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
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add("- " + a[i++]);
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int k = 0; k < lines.size() && shown < MAX_LINES; k++) {
            if (near(lines, k)) {
                out.append(lines.get(k)).append('\n');
                shown++;
            } else if (k > 0 && near(lines, k - 1)) {
                out.append("  ...\n");
            }
        }
        return out.toString();
    }

    private static boolean near(List<String> lines, int k) {
        for (int d = -CONTEXT; d <= CONTEXT; d++) {
            int n = k + d;
            if (n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ")) {
                return true;
            }
        }
        return false;
    }
}
