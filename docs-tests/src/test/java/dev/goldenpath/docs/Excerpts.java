package dev.goldenpath.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a block shown as a file's content is that content: each run of lines between cut lines is a run of
 * consecutive, byte-identical lines of the file, in order, and every place where lines were left out shows a cut
 * line ({@code # …} in YAML, or a line that is only {@code …}), so a reader never takes an excerpt for the whole.
 */
final class Excerpts {

    private Excerpts() {
    }

    static boolean isCut(String line) {
        String s = line.strip();
        return s.equals("…") || s.equals("...") || s.startsWith("# …") || s.startsWith("// …");
    }

    /** Empty when {@code shown} is {@code file} with its cuts marked; otherwise what is wrong. */
    static Optional<String> check(String shown, String file) {
        List<String> lines = file.lines().toList();
        List<List<String>> pieces = new ArrayList<>();
        List<Boolean> cutBefore = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean cut = false;
        List<String> shownLines = shown.lines().toList();
        for (String line : shownLines) {
            if (isCut(line)) {
                if (!current.isEmpty()) {
                    pieces.add(current);
                    current = new ArrayList<>();
                }
                cut = true;
            } else {
                if (current.isEmpty()) {
                    cutBefore.add(cut);
                }
                current.add(line);
                cut = false;
            }
        }
        if (!current.isEmpty()) {
            pieces.add(current);
        }
        boolean cutAtEnd = !shownLines.isEmpty() && isCut(shownLines.get(shownLines.size() - 1));
        int position = 0;
        for (int p = 0; p < pieces.size(); p++) {
            List<String> piece = pieces.get(p);
            int at = find(lines, piece, position);
            if (at < 0) {
                return Optional.of("these lines are not, in this order and unchanged, in the file:\n    "
                        + String.join("\n    ", piece.subList(0, Math.min(piece.size(), 4)))
                        + (piece.size() > 4 ? "\n    (" + (piece.size() - 4) + " more)" : "")
                        + firstDifference(lines, piece, position));
            }
            if (at > position && !cutBefore.get(p)) {
                return Optional.of("lines " + (position + 1) + "-" + at + " of the file are left out before \""
                        + piece.get(0).strip() + "\" without a cut line (# …)");
            }
            position = at + piece.size();
        }
        if (position < lines.size() && !cutAtEnd) {
            return Optional.of("the file goes on after line " + position + " (" + lines.size()
                    + " lines) but the block does not end with a cut line (# …)");
        }
        return Optional.empty();
    }

    /** Equal, or equal where the shown line elides a varying part with {@code …} (a commit id, a path). */
    static boolean same(String shown, String actual) {
        if (!shown.contains("…")) {
            return shown.equals(actual);
        }
        String[] parts = shown.split("…", -1);
        if (!actual.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int k = 1; k < parts.length - 1; k++) {
            int found = actual.indexOf(parts[k], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[k].length();
        }
        String last = parts[parts.length - 1];
        return actual.length() - last.length() >= at && actual.endsWith(last);
    }

    private static int find(List<String> lines, List<String> piece, int from) {
        for (int i = from; i + piece.size() <= lines.size(); i++) {
            int n = 0;
            while (n < piece.size() && same(piece.get(n), lines.get(i + n))) {
                n++;
            }
            if (n == piece.size()) {
                return i;
            }
        }
        return -1;
    }

    /** Where the longest prefix of the piece found in the file stops matching, to point at the changed line. */
    private static String firstDifference(List<String> lines, List<String> piece, int from) {
        int best = 0;
        int bestAt = -1;
        for (int i = from; i < lines.size(); i++) {
            int n = 0;
            while (n < piece.size() && i + n < lines.size() && same(piece.get(n), lines.get(i + n))) {
                n++;
            }
            if (n > best) {
                best = n;
                bestAt = i;
            }
        }
        if (bestAt < 0) {
            return "\n  (not even its first line \"" + piece.get(0).strip() + "\" is there)";
        }
        return "\n  shown:  \"" + piece.get(best) + "\"\n  file " + (bestAt + best + 1) + ": \""
                + (bestAt + best < lines.size() ? lines.get(bestAt + best) : "(end of file)") + "\"";
    }
}
