package dev.goldenpath.dsl;

/** A plain environment variable. Secret values never go here: declare a secret instead. */
public record EnvVar(String name, String value) {
}
