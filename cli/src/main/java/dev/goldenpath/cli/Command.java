package dev.goldenpath.cli;

import java.util.List;

/**
 * A {@code goldenpath} command: it declares its command line, bound to its own fields, then runs with what was parsed.
 * The command line ({@link Goldenpath}) creates only the command being run, and runs it only when its arguments parsed
 * without a mistake and asked for neither help nor the version.
 */
interface Command {

    /** Declares the header, description, options and exit codes on {@code syntax}. */
    void declare(Syntax syntax);

    /**
     * The mistakes in the parsed values that only the command can see (a format or rule it does not know, two modes at
     * once), so that they are listed together with the parse's own; none by default. Runs before {@link #call()}, which
     * runs only when there are none.
     */
    default List<String> problems() {
        return List.of();
    }

    /** Does the work; returns the exit code ({@link Goldenpath#OK}, ...). */
    int call();
}
