package dev.goldenpath.dsl;

import java.util.Objects;

/** A plain environment variable. Secret values never go here: declare a secret instead. */
public record EnvVar(String name, String value) {
    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
