package dev.goldenpath.vocabulary;

/**
 * How far apart two names are, for "did you mean" suggestions: the fewest single-character insertions, deletions and
 * replacements that turn one into the other (the Levenshtein distance). One place for every suggestion goldenpath
 * makes: a misspelled spec class in a services file, a mistyped command or option.
 *
 * <pre>{@code
 * Levenshtein.distance("rendr", "render");   // 1
 * }</pre>
 */
public final class Levenshtein {

    private Levenshtein() {
    }

    /** The distance between {@code a} and {@code b}; symmetric, 0 only for equal texts. */
    public static int distance(CharSequence a, CharSequence b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
