package dev.goldenpath.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.util.SystemReader;

/**
 * The git configuration JGit reads before it opens the first repository (system, then user), loaded ahead of time.
 * To find the system file JGit starts {@code git} twice ({@code git --version}, {@code git config --system
 * --show-origin --list -z}): about 0.2 s of a publish in a fresh process on the 2-core development machine, spent
 * mostly waiting for the two processes (docs/benchmarks.md, "Whole process"). {@code publish} starts this on a
 * daemon thread before it renders, so the wait runs beside the render instead of after it. JGit keeps what it read
 * ({@link SystemReader#getUserConfig()} caches, and reloads a file only when it changed), so the publish itself finds
 * it ready; should the thread not have finished, JGit reads the configuration itself, as without it.
 */
final class GitConfiguration {

    private GitConfiguration() {
    }

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /**
     * Starts reading the system and user configuration, once per process; failures are left for the publish, which
     * reports them. {@code main} starts it before the command line is even parsed when the command is {@code publish}.
     */
    static void loadInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                SystemReader.getInstance().getUserConfig();
            } catch (Exception e) {
                // Unreadable or invalid configuration: the publish reads it again and says what is wrong.
            }
        }, "goldenpath-git-configuration");
        thread.setDaemon(true);
        thread.start();
    }
}
