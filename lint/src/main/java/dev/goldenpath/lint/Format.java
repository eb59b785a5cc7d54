package dev.goldenpath.lint;

import java.util.Locale;

/** The report formats. */
public enum Format {
    /** Readable text, grouped by file and object, failing findings first. */
    TEXT,
    /** JSON: summary, rules and every finding. */
    JSON,
    /** SARIF 2.1.0, for code-scanning UIs: rule metadata, results with file and line, exceptions as suppressions. */
    SARIF,
    /** JUnit XML: one test suite per file, one test case per object. */
    JUNIT;

    /** Parses {@code text}, {@code json}, {@code sarif} or {@code junit}, ignoring case. */
    public static Format parse(String name) {
        for (Format format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': expected text, json, sarif or junit");
    }

    /** The lower-case name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
