package dev.goldenpath.review;

import java.util.Comparator;
import java.util.Objects;

/**
 * One security-relevant difference between the base and the head tree, e.g. the edge
 * {@code + production: payments/frontend -> payments/ledger 5432/TCP}.
 *
 * @param section     which part of the review it belongs to
 * @param rule        what kind of change, e.g. {@code edge-added}, {@code cluster-permission-added},
 *                    {@code pss-lowered} (the SARIF rule id; listed in docs/review.md)
 * @param sign        {@code +} added, {@code -} removed, {@code !} changed
 * @param impact      whether it widens or narrows what is allowed
 * @param environment the environment (the second folder of apps/, platform/ or argocd/), or empty
 * @param subject     what changed: an edge, a service account, an object
 * @param description the whole change in words, without the environment
 * @param path        the file of the head tree that holds it (of the base tree when it was removed)
 */
public record Change(Section section, String rule, char sign, Impact impact, String environment, String subject,
                     String description, String path) implements Comparable<Change> {

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::section)
            .thenComparing(Change::environment)
            .thenComparing(Change::subject)
            .thenComparing(Change::description)
            .thenComparing(Change::rule);

    public Change {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(path, "path");
    }

    /** The one line a review prints: sign, environment, description, e.g. {@code + production: a -> b 80/TCP}. */
    public String line() {
        return sign + " " + (environment.isEmpty() ? "" : environment + ": ") + description;
    }

    /** Ordered by section, environment, subject, description. */
    @Override
    public int compareTo(Change other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line();
    }
}
