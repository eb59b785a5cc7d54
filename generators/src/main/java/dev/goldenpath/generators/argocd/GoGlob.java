package dev.goldenpath.generators.argocd;

/**
 * Go's {@code path.Match}, the matcher Argo CD's git directory generator and AppProject globs use:
 * {@code *} is any run of characters except {@code /}, {@code ?} one character except {@code /},
 * {@code [a-z]} and {@code [^a-z]} classes, {@code \} escapes. With {@code doubleStar}, a {@code **} also
 * crosses {@code /} (the git files generator's globbing).
 *
 * <p>{@link #compile} checks a pattern once for callers that match it against many names: a literal pattern then
 * costs one {@code equals}, a malformed one nothing.
 */
final class GoGlob {

    private final String pattern;
    private final boolean literal;
    private final String error;

    private GoGlob(String pattern) {
        this.pattern = pattern;
        this.literal = isLiteral(pattern);
        this.error = literal ? null : syntaxError(pattern);
    }

    /** The pattern, checked once. */
    static GoGlob compile(String pattern) {
        return new GoGlob(pattern);
    }

    /** Whether the pattern has no glob syntax (it matches only itself). */
    boolean literal() {
        return literal;
    }

    /** The pattern's text. */
    String pattern() {
        return pattern;
    }

    /**
     * Whether {@code name} matches; a malformed pattern matches nothing (Argo CD logs {@code ErrBadPattern} and
     * matches nothing).
     */
    boolean matches(String name, boolean doubleStar) {
        if (literal) {
            return pattern.equals(name);
        }
        return error == null && match(pattern, 0, name, 0, doubleStar);
    }

    /**
     * Whether {@code name} matches {@code pattern}.
     *
     * @throws IllegalArgumentException when the pattern is malformed (Go's {@code ErrBadPattern}); Argo CD
     *         logs those and matches nothing
     */
    static boolean match(String pattern, String name, boolean doubleStar) {
        if (isLiteral(pattern)) {
            return pattern.equals(name);
        }
        validate(pattern);
        return match(pattern, 0, name, 0, doubleStar);
    }

    /** Why the pattern is malformed, or null when it is fine. */
    static String syntaxError(String pattern) {
        try {
            validate(pattern);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Whether the pattern has any glob syntax at all. */
    static boolean isLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean match(String p, int pi, String s, int si, boolean doubleStar) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    boolean crossing = doubleStar && pi + 1 < p.length() && p.charAt(pi + 1) == '*';
                    int next = crossing ? pi + 2 : pi + 1;
                    for (int k = si; ; k++) {
                        if (match(p, next, s, k, doubleStar)
                                || crossing && next < p.length() && p.charAt(next) == '/' && match(p, next + 1, s, k, doubleStar)) {
                            return true;
                        }
                        if (k == s.length() || !crossing && s.charAt(k) == '/') {
                            return false;
                        }
                    }
                }
                case '?' -> {
                    if (si == s.length() || s.charAt(si) == '/') {
                        return false;
                    }
                    pi++;
                    si++;
                }
                case '[' -> {
                    if (si == s.length()) {
                        return false;
                    }
                    int end = classEnd(p, pi);
                    if (!inClass(p, pi + 1, end, s.charAt(si))) {
                        return false;
                    }
                    pi = end + 1;
                    si++;
                }
                case '\\' -> {
                    if (si == s.length() || s.charAt(si) != p.charAt(pi + 1)) {
                        return false;
                    }
                    pi += 2;
                    si++;
                }
                default -> {
                    if (si == s.length() || s.charAt(si) != c) {
                        return false;
                    }
                    pi++;
                    si++;
                }
            }
        }
        return si == s.length();
    }

    // The index of the ']' closing the class that starts at 'open'.
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            if (c == '\\') {
                i++;
            }
            i++;
            first = false;
        }
        throw new IllegalArgumentException("syntax error in pattern " + p + ": unclosed [");
    }

    private static boolean inClass(String p, int from, int end, char ch) {
        boolean negated = p.charAt(from) == '^';
        int i = negated ? from + 1 : from;
        boolean matched = false;
        while (i < end) {
            char lo = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
            i++;
            char hi = lo;
            if (i + 1 < end && p.charAt(i) == '-') {
                hi = p.charAt(i + 1) == '\\' ? p.charAt(i + 2) : p.charAt(i + 1);
                i += p.charAt(i + 1) == '\\' ? 3 : 2;
            }
            if (lo <= ch && ch <= hi) {
                matched = true;
            }
        }
        return matched != negated;
    }

    private static void validate(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 == p.length()) {
                    throw new IllegalArgumentException("syntax error in pattern " + p + ": trailing \\");
                }
                i++;
            } else if (c == '[') {
                int end = classEnd(p, i);
                if (end == i + 1 || end == i + 2 && p.charAt(i + 1) == '^') {
                    throw new IllegalArgumentException("syntax error in pattern " + p + ": empty class");
                }
                i = end;
            }
        }
    }
}
