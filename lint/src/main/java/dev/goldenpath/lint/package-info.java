/**
 * The platform's policy engine: Pod Security Standards (baseline and restricted, upstream semantics), NSA/CISA
 * and CIS hardening rules on Kubernetes objects held as Jackson trees. The renderer lints what it rendered; teams
 * lint foreign YAML with the same rules.
 *
 * <pre>{@code
 * LintReport report = Linter.defaults().lint(Path.of("manifests"));
 * System.out.print(report.format(Format.TEXT));
 * }</pre>
 *
 * <p>Entry points: {@link dev.goldenpath.lint.Linter}, {@link dev.goldenpath.lint.LintReport},
 * {@link dev.goldenpath.lint.Rules}. An object opts out of a rule with the annotation
 * {@code weakening.goldenpath.dev/<rule-id>: <reason>}; see {@code docs/lint-rules.md}.
 */
package dev.goldenpath.lint;
