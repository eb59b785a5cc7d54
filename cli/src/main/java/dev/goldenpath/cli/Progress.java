package dev.goldenpath.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on standard error for work that takes more than a second: quick renders print nothing, slow
 * ones say what is going on and, at the end, how long it took. On a terminal the line updates in place; in a CI
 * log it is printed once when the second has passed, and once at the end.
 *
 * <pre>{@code
 * try (Progress progress = Progress.start(err, "rendering acme")) {
 *     ...
 * }
 * }</pre>
 */
final class Progress implements AutoCloseable {

    static final long THRESHOLD_MILLIS = 1000;

    private final PrintStream err;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private boolean shown;

    private Progress(PrintStream err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "goldenpath-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::tick, THRESHOLD_MILLIS, THRESHOLD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts timing {@code label} (e.g. {@code "rendering acme"}). */
    static Progress start(PrintStream err, String label) {
        return new Progress(err, label, System.console() != null);
    }

    private synchronized void tick() {
        if (terminal) {
            err.print("\rgoldenpath: " + label + " ... " + seconds() + " ");
            err.flush();
        } else if (!shown) {
            err.println("goldenpath: " + label + " ...");
        }
        shown = true;
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (shown) {
            err.println((terminal ? "\r" : "") + "goldenpath: " + label + " took " + seconds());
        }
    }
}
