package dev.goldenpath.gitops;

import java.util.Objects;

/**
 * One plaintext secret the secret guard found: where it is and what rule it broke. The secret itself is
 * never part of a finding, so findings are safe to print.
 *
 * @param path repository-relative path of the file
 * @param line 1-based line number
 * @param rule what was found, e.g. {@code "plaintext Secret with data"} or {@code "GitHub token"}
 */
public record SecretFinding(String path, int line, String rule) implements Comparable<SecretFinding> {

    public SecretFinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public int compareTo(SecretFinding other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return path + ":" + line + ": " + rule;
    }
}
