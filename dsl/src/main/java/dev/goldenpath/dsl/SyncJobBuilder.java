package dev.goldenpath.dsl;

import java.util.OptionalLong;

/**
 * Builds a job that runs before each sync of its app ({@code GoldenPath.job(name)}, handed to
 * {@code beforeSync(..)}): by default the app's image and resources, three retries, at most an hour. It runs with the
 * app's environment variables, secrets, config files and egress; it has no ports, probes or sidecars.
 */
public final class SyncJobBuilder {
    private final Container.Builder container;
    private int backoffLimit = Workload.JobRun.DEFAULT.backoffLimit();
    private long activeDeadlineSeconds = Workload.JobRun.DEFAULT.activeDeadlineSeconds();
    private OptionalLong ttlSecondsAfterFinished = OptionalLong.empty();

    SyncJobBuilder(String name) {
        this.container = new Container.Builder(name);
    }

    /** Runs this image instead of the app's. */
    public SyncJobBuilder image(String reference) {
        container.image(reference);
        return this;
    }

    /** Replaces the image's entrypoint, e.g. {@code command("ledger", "migrate")}. */
    public SyncJobBuilder command(String... words) {
        container.command(words);
        return this;
    }

    /** Replaces the image's arguments. */
    public SyncJobBuilder args(String... words) {
        container.args(words);
        return this;
    }

    /** A plain environment variable, besides the app's. */
    public SyncJobBuilder env(String variable, String value) {
        container.env(variable, value);
        return this;
    }

    /** Its requests and limits (default: the app's). */
    public SyncJobBuilder resources(Requests requests, Limits limits) {
        container.resources(requests, limits);
        return this;
    }

    /** Retries before the sync fails (default 3). */
    public SyncJobBuilder backoffLimit(int retries) {
        this.backoffLimit = retries;
        return this;
    }

    /** The longest it may take, retries included (default 3600 seconds). */
    public SyncJobBuilder activeDeadlineSeconds(long seconds) {
        this.activeDeadlineSeconds = seconds;
        return this;
    }

    SyncJob build() {
        return new SyncJob(container.name(), container.build(), container.resourcesDeclared(),
                new Workload.JobRun(backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished));
    }
}
