package dev.goldenpath.review;

/** Which way a change moves the platform's security. */
public enum Impact {
    /** More is allowed than before: a new edge, permission, weakening, a lower level, an unpinned image. */
    WIDENS,
    /** Less is allowed than before. */
    NARROWS,
    /** Neither, or not decidable from the YAML alone (a changed policy, a new image tag): a human decides. */
    REVIEW;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
