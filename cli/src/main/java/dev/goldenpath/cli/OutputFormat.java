package dev.goldenpath.cli;

/** {@code --output}: text for people, JSON for CI. */
enum OutputFormat {
    TEXT, JSON
}
