package dev.goldenpath.dsl;

/**
 * A declared, reasoned exception to one secure default. It is rendered as the annotation
 * {@code exception.goldenpath.dev/<rule-id>: <reason>} on the objects it affects and listed in the
 * render report and the lint report.
 */
public record Exemption(Weakening weakening, String reason) {
}
