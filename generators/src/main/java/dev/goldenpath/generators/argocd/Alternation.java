package dev.goldenpath.generators.argocd;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An exact pattern for many names: {@code prefix{a,b,c}suffix}, the alternation of the glob library Argo CD matches
 * AppProject destinations with (gobwas/glob, through {@code util/glob.Match}; the API server stores the pattern as a
 * string). Every alternative is a literal, so the pattern matches exactly the listed names and nothing else: a team
 * with thousands of namespaces gets one destination per cluster instead of one per namespace, and its project still
 * allows exactly its own namespaces (issue 18: the listed form passed the 900 KiB object guard at about 4 000
 * namespaces).
 *
 * <p>Only destinations are written this way: cluster-scoped grants by name are matched with Go's
 * {@code filepath.Match}, which has no alternation (AppProject CRD, {@code clusterResourceWhitelist[].name}).
 */
final class Alternation {

    /** Characters with a meaning in a glob: a literal (and so an alternative) holds none of them. */
    private static final String SPECIAL = "*?[]{}\\,!";

    private Alternation() {
    }

    /**
     * One pattern matching exactly these names: their common prefix and suffix around the alternatives, e.g.
     * {@code {app1,app2,app10}-prod} for {@code app1-prod}, {@code app2-prod}, {@code app10-prod}.
     *
     * @param names at least two distinct literal names, in the order the alternatives are written
     */
    static String of(List<String> names) {
        if (names.size() < 2 || names.stream().anyMatch(n -> !literal(n))) {
            throw new IllegalArgumentException("an alternation needs two or more literal names: " + names);
        }
        int shortest = names.stream().mapToInt(String::length).min().orElse(0);
        // Every alternative keeps at least one character: gobwas reads an empty one, but a reader should not have to.
        // The prefix and suffix end and start at a '-' or '.', so that the alternatives read as whole words:
        // {app1,app2}-production, not app{1,2}-production.
        String first = names.get(0);
        int prefix = 0;
        for (int common = 0; common < shortest - 1 && sameAt(names, common, false); common++) {
            if (separator(first.charAt(common))) {
                prefix = common + 1;
            }
        }
        int suffix = 0;
        for (int common = 0; prefix + common < shortest - 1 && sameAt(names, common, true); common++) {
            if (separator(first.charAt(first.length() - 1 - common))) {
                suffix = common + 1;
            }
        }
        StringBuilder pattern = new StringBuilder().append(names.get(0), 0, prefix).append('{');
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            pattern.append(i == 0 ? "" : ",").append(name, prefix, name.length() - suffix);
        }
        return pattern.append('}').append(first, first.length() - suffix, first.length()).toString();
    }

    /**
     * The names a destination pattern matches, when it is a literal or one alternation of literals; empty for any
     * other pattern (a star, a class, nested or several alternations), whose matches cannot be listed.
     */
    static Optional<Set<String>> expand(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            return literal(pattern) ? Optional.of(Set.of(pattern)) : Optional.empty();
        }
        int close = pattern.indexOf('}', open);
        if (close < 0) {
            return Optional.empty();
        }
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(close + 1);
        if (!literal(prefix) || !literal(suffix)) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        int start = open + 1;
        for (int i = start; i <= close; i++) {
            if (i == close || pattern.charAt(i) == ',') {
                String alternative = pattern.substring(start, i);
                if (!literal(alternative)) {
                    return Optional.empty();
                }
                names.add(prefix + alternative + suffix);
                start = i + 1;
            }
        }
        return Optional.of(names);
    }

    /** Whether the text has no glob syntax at all (gobwas: {@code * ? [ ] { } , \}; Argo CD: a leading {@code !}). */
    static boolean literal(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (SPECIAL.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean separator(char c) {
        return c == '-' || c == '.';
    }

    private static boolean sameAt(List<String> names, int offset, boolean fromEnd) {
        String first = names.get(0);
        char c = fromEnd ? first.charAt(first.length() - 1 - offset) : first.charAt(offset);
        for (String name : names) {
            if ((fromEnd ? name.charAt(name.length() - 1 - offset) : name.charAt(offset)) != c) {
                return false;
            }
        }
        return true;
    }
}
