package dev.goldenpath.dsl;

import java.util.Locale;

/** The Pod Security Standards levels, from the strictest to the most permissive. */
public enum PodSecurityLevel {
    RESTRICTED, BASELINE, PRIVILEGED;

    /** The label value: {@code restricted}, {@code baseline}, {@code privileged}. */
    public String labelValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The more permissive of the two. */
    public PodSecurityLevel atLeast(PodSecurityLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
