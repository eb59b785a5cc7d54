package dev.goldenpath.review;

/** How a review is written. */
public enum ReviewFormat {
    /** For a pull-request comment: a summary first, each section folded in a {@code <details>} block. */
    MARKDOWN,
    /** One object with a summary and every change; the schema is documented in docs/review.md. */
    JSON,
    /** SARIF 2.1.0 for code scanning: one result per change, at the file that holds it. */
    SARIF
}
