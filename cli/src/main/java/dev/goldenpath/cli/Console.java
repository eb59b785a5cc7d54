package dev.goldenpath.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command prints and what environment it sees: the process's in production, captured ones in tests.
 *
 * @param in  standard input (what {@code seal} seals)
 * @param out standard output: reports, rendered documents, JSON
 * @param err standard error: problems and progress
 * @param env the environment variables (tokens and passphrases are read from here, never from arguments)
 */
record Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

    Console {
        env = Map.copyOf(env);
    }

    /** Names the variables, never their values: the environment holds tokens. */
    @Override
    public String toString() {
        return "Console[env=" + new java.util.TreeSet<>(env.keySet()) + "]";
    }

    /** A variable's value, when it is set and not blank. */
    Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
