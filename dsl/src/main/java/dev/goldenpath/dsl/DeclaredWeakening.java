package dev.goldenpath.dsl;

/**
 * A declared, reasoned weakening of one secure default. It is rendered as the annotation
 * {@code weakening.goldenpath.dev/<rule-id>: <reason>} on the objects it affects and listed in the
 * render report and the lint report.
 */
public record DeclaredWeakening(Weakening weakening, String reason) {
}
