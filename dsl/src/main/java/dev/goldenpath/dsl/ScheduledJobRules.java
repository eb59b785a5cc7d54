package dev.goldenpath.dsl;

import java.util.Locale;

/**
 * A scheduled job (CronJob): a schedule and an IANA time zone the controller accepts, a starting deadline the
 * controller can honour, history limits that keep few finished runs, no replicas and no readiness probe (a job has no
 * Service and no rollout that would read one).
 */
record ScheduledJobRules(Problems problems) {

    /** Batch validation: a CronJob's Jobs are named {@code <name>-<11 digits>}, which must fit a 63-character label. */
    static final int MAX_NAME = 52;
    /** The CronJob controller looks for missed runs every 10 seconds; a shorter deadline can skip runs. */
    static final long MIN_STARTING_DEADLINE = 10;
    /** Each finished run kept holds its Job and pods in etcd. */
    static final int MAX_HISTORY = 100;

    void check(App app, Workload.ScheduledJob job, FieldPath path) {
        if (app.name().length() > MAX_NAME) {
            problems.add(ViolationCode.SCHEDULED_JOB_NAME_TOO_LONG, path.field("name"), app.name(),
                    "a scheduled job's name has at most " + MAX_NAME + " characters (its CronJob names each run"
                            + " <name>-<11 digits>, which must fit a 63-character label)",
                    "shorten the name to " + MAX_NAME + " characters or fewer");
        }
        schedule(job.schedule(), path.field("schedule"));
        job.timeZone().ifPresent(zone -> timeZone(zone, path.field("timeZone")));
        if (job.startingDeadlineSeconds() < MIN_STARTING_DEADLINE) {
            problems.add(ViolationCode.SCHEDULED_JOB_STARTING_DEADLINE_TOO_SHORT, path.field("startingDeadlineSeconds"),
                    job.startingDeadlineSeconds(), "the CronJob controller checks for due runs every 10 seconds, so a"
                            + " starting deadline under 10 seconds can skip runs (Kubernetes docs, CronJob limitations)",
                    "use at least 10, e.g. 300 (the default)");
        }
        history(path.field("successfulJobsHistoryLimit"), job.successfulJobsHistoryLimit());
        history(path.field("failedJobsHistoryLimit"), job.failedJobsHistoryLimit());
        WorkloadKindRules.run(problems, path, job.run());
        for (EnvironmentOverride override : app.placement().overrides()) {
            if (override.replicas().isPresent()) {
                problems.add(ViolationCode.JOB_REPLICAS_OVERRIDE,
                        path.field("in").key(override.environment()).field("replicas"), override.replicas().getAsInt(),
                        "a scheduled job runs one pod per run and has no replicas",
                        "remove o.replicas(..) from in(\"" + override.environment() + "\", ..); to stop the job in an"
                                + " environment, leave it out with onlyIn(..)");
            }
        }
        if (app.container().readiness().isPresent()) {
            problems.add(ViolationCode.JOB_READINESS_PROBE, path.field("readiness"), "readiness",
                    "a scheduled job has no Service and no rollout, so nothing reads its readiness",
                    "remove .readiness(..); a liveness probe still restarts a hung run");
        }
        if (app.weakens(Weakening.NO_PROBES)) {
            problems.add(ViolationCode.WEAKENING_UNUSED, path.weakening(Weakening.NO_PROBES), "NO_PROBES",
                    "a scheduled job runs to completion and needs no probes, so NO_PROBES is unused",
                    "remove .weaken(NO_PROBES, ...)");
        }
    }

    private void schedule(String schedule, FieldPath path) {
        if (CronSchedule.hasTimeZonePrefix(schedule)) {
            problems.add(ViolationCode.SCHEDULED_JOB_SCHEDULE_TIME_ZONE, path, schedule,
                    "Kubernetes refuses TZ= and CRON_TZ= in a CronJob schedule",
                    "move the zone to .timeZone(\"Europe/Berlin\") and keep the five fields");
            return;
        }
        CronSchedule.problem(schedule).ifPresent(problem -> problems.add(ViolationCode.SCHEDULED_JOB_SCHEDULE_INVALID,
                path, schedule, problem + " (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of"
                        + " week 0-6 or SUN-SAT; lists, ranges, steps, * and ?; or " + String.join(" ", CronSchedule.MACROS) + ")",
                "use e.g. \"30 2 * * *\" (02:30 every day) or \"@daily\""));
    }

    private void timeZone(String zone, FieldPath path) {
        if (CronSchedule.knownTimeZone(zone)) {
            return;
        }
        String hint;
        String folded = CronSchedule.knownTimeZoneIgnoringCase(zone).orElse("");
        if (!folded.isEmpty()) {
            hint = "time zone names are case-sensitive: use \"" + folded + "\"";
        } else if (zone.matches("(?i)^(UTC|GMT)?[+-].*")) {
            hint = "an offset is no time zone: use the zone of the place, e.g. \"Europe/Berlin\" (it follows daylight"
                    + " saving), or a fixed one such as \"Etc/GMT-2\" (POSIX sign: UTC+2)";
        } else {
            hint = "use a tz database name such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\"";
        }
        problems.add(ViolationCode.SCHEDULED_JOB_TIME_ZONE_UNKNOWN, path, zone,
                "the time zone must be an IANA tz database name the cluster can load (Kubernetes refuses others"
                        + (zone.toLowerCase(Locale.ROOT).equals("local") ? ", and Local explicitly" : "") + ")",
                hint);
    }

    private void history(FieldPath path, int limit) {
        if (limit < 0 || limit > MAX_HISTORY) {
            problems.add(ViolationCode.SCHEDULED_JOB_HISTORY_LIMIT_INVALID, path, limit,
                    "kept runs must be from 0 to " + MAX_HISTORY + " (each keeps its Job and pods in etcd)",
                    "use e.g. 3 (the default)");
        }
    }
}
