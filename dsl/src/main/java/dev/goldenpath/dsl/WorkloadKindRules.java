package dev.goldenpath.dsl;

/**
 * What each kind of workload may and may not be: nobody calls a worker or a scheduled job (they have no Service and
 * their NetworkPolicies allow no ingress), a scheduled job's schedule and run settings are ones the CronJob controller
 * accepts, and the jobs run before each sync are named so that nothing else selects their pods.
 */
record WorkloadKindRules(Platform platform, Problems problems) {

    /** Whether the app takes no connections at all: a worker or a scheduled job (no Service, no ingress). */
    static boolean takesNoConnections(App app) {
        return app.workload() instanceof Workload.Worker || app.workload() instanceof Workload.ScheduledJob;
    }

    void app(App app, FieldPath path) {
        for (Dependency dependency : app.traffic().dependencies()) {
            if (dependency instanceof Dependency.App other) {
                platform.app(other.app()).filter(WorkloadKindRules::takesNoConnections).ifPresent(callee ->
                        problems.add(ViolationCode.WORKLOAD_CALLEE_NOT_SERVING, path.field("calls").key(other.app()),
                                other.app(), other.app() + " is a " + kind(callee) + ": it has no Service and its"
                                        + " NetworkPolicy allows no ingress, so nothing can call it",
                                "remove .calls(\"" + other.app() + "\", ..); if " + other.app() + " must take calls,"
                                        + " declare it with app(..) and a port"));
            }
        }
        if (app.workload() instanceof Workload.ScheduledJob job) {
            new ScheduledJobRules(problems).check(app, job, path);
        }
        new SyncJobRules(platform, problems).app(app, path);
    }

    private static String kind(App app) {
        return app.workload() instanceof Workload.Worker ? "worker" : "scheduled job";
    }

    /** Retries, deadline and clean-up of a run, for scheduled jobs and jobs run before sync alike. */
    static void run(Problems problems, FieldPath path, Workload.JobRun run) {
        // Failed pods are retried with an exponential back-off capped at six minutes (Kubernetes "Pod backoff failure
        // policy"): 100 retries are already ten hours of retrying.
        if (run.backoffLimit() < 0 || run.backoffLimit() > 100) {
            problems.add(ViolationCode.JOB_BACKOFF_LIMIT_INVALID, path.field("backoffLimit"), run.backoffLimit(),
                    "the retries must be from 0 to 100", "use e.g. 3 (the default)");
        }
        // batch/v1 validation: activeDeadlineSeconds must be greater than 0.
        if (run.activeDeadlineSeconds() < 1) {
            problems.add(ViolationCode.JOB_ACTIVE_DEADLINE_INVALID, path.field("activeDeadlineSeconds"),
                    run.activeDeadlineSeconds(), "a run's deadline must be at least 1 second",
                    "use the longest a run may take, e.g. 3600 (the default)");
        }
        long ttl = run.ttlSecondsAfterFinished().orElse(0);
        if (ttl < 0 || ttl > Integer.MAX_VALUE) {
            problems.add(ViolationCode.JOB_TTL_INVALID, path.field("ttlSecondsAfterFinished"), ttl,
                    "a finished run's time to live must be from 0 to 2147483647 seconds (batch/v1: int32)",
                    "use e.g. 86400 (a day, the default)");
        }
    }
}
