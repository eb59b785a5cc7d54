package dev.goldenpath.dsl;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a scheduled job ({@code GoldenPath.scheduledJob(name, cron)}): a CronJob whose runs do not overlap by
 * default, start at most five minutes late, retry three times, stop after an hour and are deleted after a day.
 */
public final class ScheduledJobBuilder extends WorkloadBuilder<ScheduledJobBuilder> {
    private final String schedule;
    private Optional<String> timeZone = Optional.empty();
    private Workload.ConcurrencyPolicy concurrency = Workload.ConcurrencyPolicy.FORBID;
    private long startingDeadlineSeconds;
    private int successfulJobsHistoryLimit;
    private int failedJobsHistoryLimit;
    private int backoffLimit;
    private long activeDeadlineSeconds;
    private OptionalLong ttlSecondsAfterFinished;

    ScheduledJobBuilder(String name, String schedule) {
        super(name);
        this.schedule = schedule;
        Workload.ScheduledJob defaults = Workload.ScheduledJob.of(schedule);
        this.startingDeadlineSeconds = defaults.startingDeadlineSeconds();
        this.successfulJobsHistoryLimit = defaults.successfulJobsHistoryLimit();
        this.failedJobsHistoryLimit = defaults.failedJobsHistoryLimit();
        this.backoffLimit = defaults.run().backoffLimit();
        this.activeDeadlineSeconds = defaults.run().activeDeadlineSeconds();
        this.ttlSecondsAfterFinished = defaults.run().ttlSecondsAfterFinished();
    }

    @Override
    ScheduledJobBuilder self() {
        return this;
    }

    /** Reads the schedule in this IANA time zone, e.g. {@code Europe/Berlin} (default: the controller's, UTC). */
    public ScheduledJobBuilder timeZone(String zone) {
        this.timeZone = Copies.optional(zone);
        return this;
    }

    /** What happens when a run is still going at the next start (default {@code FORBID}: skip the new run). */
    public ScheduledJobBuilder concurrency(Workload.ConcurrencyPolicy policy) {
        this.concurrency = policy;
        return this;
    }

    /** How late a missed start may still begin (default 300 seconds). */
    public ScheduledJobBuilder startingDeadlineSeconds(long seconds) {
        this.startingDeadlineSeconds = seconds;
        return this;
    }

    /** How many finished and failed runs are kept for inspection (default 3 and 3). */
    public ScheduledJobBuilder history(int successful, int failed) {
        this.successfulJobsHistoryLimit = successful;
        this.failedJobsHistoryLimit = failed;
        return this;
    }

    /** Retries before a run counts as failed (default 3). */
    public ScheduledJobBuilder backoffLimit(int retries) {
        this.backoffLimit = retries;
        return this;
    }

    /** The longest a run may take, retries included (default 3600 seconds). */
    public ScheduledJobBuilder activeDeadlineSeconds(long seconds) {
        this.activeDeadlineSeconds = seconds;
        return this;
    }

    /** How long a finished run is kept before Kubernetes deletes it (default 86400 seconds). */
    public ScheduledJobBuilder ttlSecondsAfterFinished(long seconds) {
        this.ttlSecondsAfterFinished = OptionalLong.of(seconds);
        return this;
    }

    @Override
    Workload workload() {
        return new Workload.ScheduledJob(schedule, timeZone, concurrency, startingDeadlineSeconds,
                successfulJobsHistoryLimit, failedJobsHistoryLimit,
                new Workload.JobRun(backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished));
    }
}
