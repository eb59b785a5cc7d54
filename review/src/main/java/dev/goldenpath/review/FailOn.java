package dev.goldenpath.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What fails a build, as {@code --fail-on new-weakening,cluster-permission}: each value names the changes that make
 * {@link Review#violations} non-empty.
 */
public enum FailOn {
    /** A new weakening of the secure defaults. */
    NEW_WEAKENING("new-weakening", c -> c.rule().equals("weakening-added")),
    /** A new cluster-wide RBAC permission. */
    CLUSTER_PERMISSION("cluster-permission", c -> c.rule().equals("cluster-permission-added")),
    /** Any new RBAC permission, namespaced or cluster-wide. */
    NEW_PERMISSION("new-permission", c -> c.rule().endsWith("permission-added")),
    /** A connection allowed that was not before. */
    NEW_EDGE("new-edge", c -> c.rule().equals("edge-added")),
    /** A namespace at a lower Pod Security level, or a new one below restricted. */
    PSS_LOWERED("pss-lowered", c -> c.rule().equals("pss-lowered")),
    /** A digest replaced by a tag, or a new container whose image is not pinned by digest. */
    IMAGE_UNPINNED("image-unpinned", c -> c.rule().equals("image-unpinned") || c.rule().equals("image-added-unpinned")),
    /** An Argo CD project that may deploy more. */
    PROJECT_WIDENED("project-widened", c -> c.rule().equals("project-widened")),
    /** A baseline object removed or changed. */
    BASELINE_CHANGED("baseline-changed", c -> c.rule().equals("baseline-removed") || c.rule().equals("baseline-changed")),
    /** Any change that widens what is allowed. */
    WIDENING("widening", c -> c.impact() == Impact.WIDENS),
    /** Any security-relevant change. */
    ANY("any", c -> true);

    private final String id;
    private final Predicate<Change> matches;

    FailOn(String id, Predicate<Change> matches) {
        this.id = id;
        this.matches = matches;
    }

    /** The spelling on the command line and in the POM, e.g. {@code new-weakening}. */
    public String id() {
        return id;
    }

    /** Whether this policy value is violated by {@code change}. */
    public boolean matches(Change change) {
        return matches.test(change);
    }

    /**
     * Parses a comma-separated list ({@code new-weakening,cluster-permission}); blank entries are ignored.
     *
     * @throws IllegalArgumentException naming every unknown value and listing the valid ones
     */
    public static Set<FailOn> parse(List<String> values) {
        Set<FailOn> parsed = EnumSet.noneOf(FailOn.class);
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String id = part.strip();
                if (id.isEmpty()) {
                    continue;
                }
                FailOn found = null;
                for (FailOn candidate : values()) {
                    if (candidate.id.equals(id)) {
                        found = candidate;
                    }
                }
                if (found == null) {
                    unknown.add("'" + id + "'");
                } else {
                    parsed.add(found);
                }
            }
        }
        if (!unknown.isEmpty()) {
            List<String> valid = new ArrayList<>();
            for (FailOn candidate : values()) {
                valid.add(candidate.id);
            }
            throw new IllegalArgumentException("unknown fail-on value" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + "; valid: " + String.join(", ", valid));
        }
        return parsed;
    }
}
