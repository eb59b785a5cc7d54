package dev.goldenpath.cli;

/** A mistake on the command line that parsing cannot see (a class that is not there): exit code 2. */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
