package dev.goldenpath.cli;

import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * What every command does around its work: usage mistakes exit 2; I/O failures and failing spec code exit 3; each
 * with one clear line instead of a stack trace.
 */
final class Commands {

    private Commands() {
    }

    /** {@code 1 file}, {@code 2 files}. */
    static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }

    static int guard(Console console, String command, IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (UsageError e) {
            console.err().println("goldenpath " + command + ": " + e.getMessage());
            console.err().println("Run 'goldenpath " + command + " --help' for usage.");
            return Goldenpath.USAGE;
        } catch (UncheckedIOException e) {
            console.err().println("goldenpath " + command + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            return Goldenpath.FAILED;
        } catch (IllegalStateException e) {
            console.err().println("goldenpath " + command + ": " + e.getMessage());
            return Goldenpath.FAILED;
        }
    }
}
