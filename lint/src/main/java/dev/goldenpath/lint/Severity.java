package dev.goldenpath.lint;

import java.util.Locale;

/**
 * How serious a finding is. By default only {@link #ERROR} findings fail a lint (see
 * {@link Linter.Builder#failOn(Severity)}); weakened findings never fail.
 */
public enum Severity {
    /** A weakening of the platform's security baseline: fails the render or the lint. */
    ERROR,
    /** Worth fixing, does not fail by default. */
    WARNING,
    /** Informational. */
    INFO;

    /** {@code true} when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** The lower-case name used in every output format: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error}, {@code warning} or {@code info}, ignoring case. */
    public static Severity parse(String label) {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(label)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "': expected error, warning or info");
    }
}
