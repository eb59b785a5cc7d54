package dev.goldenpath.dsl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The jobs an app runs before each sync: named as DNS-1123 labels, once per app, with a Job name ({@code <app>-<job>})
 * that fits a label value and is nobody else's name (it is also the {@code app.kubernetes.io/name} of the job's pods,
 * so an app of that name would select them); a pinned image when it names one, valid resources when it declares them,
 * and run settings the Job controller accepts.
 */
record SyncJobRules(Platform platform, Problems problems) {

    /** A Job name becomes its pods' {@code batch.kubernetes.io/job-name} label value: at most 63 characters. */
    static final int MAX_NAME = 63;

    void app(App app, FieldPath path) {
        if (app.beforeSync().isEmpty()) {
            // Most apps run no job: the names taken across the platform are computed only for those that do.
            return;
        }
        Set<String> names = new HashSet<>();
        Map<String, String> taken = takenNames(app);
        for (SyncJob job : app.beforeSync()) {
            FieldPath jobPath = path.field("beforeSync").key(job.name());
            String nameProblem = Names.dns1123Label(job.name());
            problems.addIf(ViolationCode.SYNC_JOB_NAME_INVALID, jobPath.field("name"), job.name(), nameProblem,
                    "use e.g. 'migrate-schema'");
            if (!names.add(job.name())) {
                problems.add(ViolationCode.SYNC_JOB_DUPLICATE, jobPath.field("name"), job.name(),
                        "the app runs two jobs of this name before sync", "rename one of them or merge them");
            } else if (nameProblem == null) {
                qualifiedName(app, job, jobPath.field("name"), taken);
            }
            if (!job.container().image().isEmpty()) {
                new ImageRules(problems).image(jobPath.field("image"), job.container().image());
            }
            if (job.resourcesDeclared()) {
                new ResourceRules(problems).resources(jobPath.field("resources"), job.container().resources());
            }
            env(job, jobPath);
            WorkloadKindRules.run(problems, jobPath, job.run());
        }
    }

    private void qualifiedName(App app, SyncJob job, FieldPath path, Map<String, String> taken) {
        String qualified = job.qualifiedName(app.name());
        if (qualified.length() > MAX_NAME) {
            problems.add(ViolationCode.SYNC_JOB_NAME_TOO_LONG, path, job.name(), "the Job is named " + qualified
                            + " (" + qualified.length() + " characters), over the " + MAX_NAME + " a label value may hold",
                    "shorten the job's name to " + (MAX_NAME - app.name().length() - 1) + " characters or fewer");
        }
        String owner = taken.get(qualified);
        if (owner != null) {
            problems.add(ViolationCode.SYNC_JOB_NAME_CLASH, path, job.name(), "the Job is named " + qualified
                            + ", which is already " + owner + "; its pods would be selected by that name's Service and"
                            + " NetworkPolicy", "rename the job");
        }
    }

    /**
     * The names this app's jobs must not take: every app's name, and the Job names of the jobs of the apps declared
     * before this one (a clash between two apps' jobs is reported once, on the later app).
     */
    private Map<String, String> takenNames(App app) {
        Map<String, String> taken = new HashMap<>();
        boolean before = true;
        for (App other : platform.apps()) {
            taken.putIfAbsent(other.name(), "the name of app " + other.name());
            if (other == app) {
                before = false;
            }
            if (before) {
                for (SyncJob job : other.beforeSync()) {
                    taken.putIfAbsent(job.qualifiedName(other.name()),
                            "the Job of " + other.name() + "'s job " + job.name() + " run before sync");
                }
            }
        }
        return taken;
    }

    private void env(SyncJob job, FieldPath path) {
        Set<String> names = new HashSet<>();
        for (EnvVar variable : job.container().env()) {
            FieldPath envPath = path.field("env").key(variable.name());
            if (!Names.ENV_VAR_NAME.matcher(variable.name()).matches()) {
                problems.add(ViolationCode.ENV_NAME_INVALID, envPath, variable.name(),
                        "an environment variable name may hold letters, digits, '_', '-' and '.', not starting with a digit",
                        "use e.g. MIGRATION_TIMEOUT");
            }
            if (!names.add(variable.name())) {
                problems.add(ViolationCode.ENV_DUPLICATE,
                        envPath, variable.name(), "the variable is set twice", "set it once");
            }
        }
    }
}
