/** The {@code goldenpath lint} command: {@link dev.goldenpath.lint.cli.LintCommand}. */
package dev.goldenpath.lint.cli;
