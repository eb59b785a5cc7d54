package dev.goldenpath.secrets.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The goldenpath command line's way into {@link Seal}, whose {@code run} is package-private: {@code goldenpath seal}
 * is exactly the secrets module's sealing command, with its options, messages and exit codes, never a second copy.
 * (This class sits in the secrets module's package on the class path; it goes away once {@code Seal.run} is public.)
 */
public final class SealEntry {

    private SealEntry() {
    }

    /** Runs {@code Seal} with these streams and environment; returns its exit status (0, 1, or 2 for usage). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return Seal.run(args, in, out, err, env);
    }
}
