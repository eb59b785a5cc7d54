package dev.goldenpath.dsl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an app's pods run and are replaced: its user ids, its rollout, its disruption budget and its autoscaler. A
 * budget that can never allow an eviction blocks every node drain; a weakening that nothing uses is refused, so that
 * declaring one never changes the output by itself.
 */
record WorkloadRules(Platform platform, Problems problems) {

    /** A replica count: 0 stops the app, fewer is no count. */
    void replicas(FieldPath path, int replicas) {
        if (replicas < 0) {
            problems.add(ViolationCode.WORKLOAD_REPLICAS_NEGATIVE,
                    path, replicas, "replicas must be 0 or more", "use 0 to stop the app");
        }
    }

    void app(App app, FieldPath path) {
        identity(app, path);
        rollout(app, path.field("rollout"));
        budget(app, path.field("disruptionBudget"));
        autoscaling(app, path.field("autoscaling"));
    }

    private void identity(App app, FieldPath path) {
        boolean root = app.weakens(Weakening.RUN_AS_ROOT);
        id(path.field("runAsUser"), app.container().runAsUser().orElse(App.DEFAULT_USER), root);
        id(path.field("runAsGroup"), app.container().runAsGroup().orElse(App.DEFAULT_USER), root);
        id(path.field("fsGroup"), app.fsGroup().orElse(App.DEFAULT_USER), root);
        // The weakening only allows uid or gid 0; it never switches the app to root by itself.
        boolean usesRoot = app.container().runAsUser().orElse(-1) == 0 || app.container().runAsGroup().orElse(-1) == 0 || app.fsGroup().orElse(-1) == 0
                || CompanionRules.usesRoot(app);
        if (root && !usesRoot) {
            problems.add(ViolationCode.WEAKENING_UNUSED, path.weakening(Weakening.RUN_AS_ROOT), "RUN_AS_ROOT",
                    "no id is 0, so the weakening is unused (it allows root, it does not switch the app to root)",
                    "remove .weaken(RUN_AS_ROOT, ...), or set .runAsUser(0) if the image really needs root");
        }
    }

    void id(FieldPath path, long id, boolean rootAllowed) {
        if (id < 0 || id > 2147483647L) {
            problems.add(ViolationCode.WORKLOAD_USER_ID_OUT_OF_RANGE,
                    path, id, "ids are from 0 to 2147483647", "use e.g. " + App.DEFAULT_USER);
        } else if (id == 0 && !rootAllowed) {
            problems.add(ViolationCode.WORKLOAD_RUN_AS_ROOT,
                    path, id, "0 is root (PSS restricted: running as non-root user)",
                    "use a non-zero id such as " + App.DEFAULT_USER + ", or declare .weaken(RUN_AS_ROOT, \"<reason>\")");
        }
    }

    private void rollout(App app, FieldPath path) {
        Rollout rollout = app.availability().rollout();
        if (!rollout.recreate()) {
            intOrPercent(path.field("maxSurge"), rollout.maxSurge());
            intOrPercent(path.field("maxUnavailable"), rollout.maxUnavailable());
            if (isZero(rollout.maxSurge()) && isZero(rollout.maxUnavailable())) {
                problems.add(ViolationCode.ROLLOUT_NO_PROGRESS,
                        path, rollout.maxSurge() + "/" + rollout.maxUnavailable(),
                        "maxSurge and maxUnavailable cannot both be 0: the rollout could never progress",
                        "allow a surge, e.g. rollingUpdate(\"25%\", \"0\")");
            }
        }
        if (rollout.minReadySeconds() < 0) {
            problems.add(ViolationCode.ROLLOUT_MIN_READY_NEGATIVE,
                    path.field("minReadySeconds"), rollout.minReadySeconds(), "must be 0 or more", "use e.g. 10");
        }
    }

    private void budget(App app, FieldPath budgetPath) {
        DisruptionBudget budget = app.availability().disruptionBudget();
        if (!intOrPercent(budgetPath, budget.amount())) {
            return;
        }
        if (!budget.minAvailable() && isZero(budget.amount())) {
            problems.add(ViolationCode.BUDGET_BLOCKS_DRAINS, budgetPath, "maxUnavailable 0",
                    "a budget that allows no disruption blocks node drains forever", "allow at least 1 unavailable pod");
            return;
        }
        if (!budget.minAvailable()) {
            return;
        }
        // A PodDisruptionBudget is rendered where at least 2 pods run; check it at the fewest pods each instance has.
        for (Environment environment : platform.environments()) {
            AppInstance instance = Instances.resolve(java.util.Map.of(), app, environment).orElse(null);
            int replicas = instance == null ? 0 : instance.minimumReplicas();
            if (replicas < 2) {
                continue;
            }
            int required = required(budget.amount(), replicas);
            if (required >= replicas) {
                problems.add(ViolationCode.BUDGET_BLOCKS_DRAINS,
                        budgetPath, "minAvailable " + budget.amount(), "with " + replicas + " pod"
                                + (replicas == 1 ? "" : "s") + " in " + instance.environment().name()
                                + (app.availability().autoscaling().isPresent() ? " (the autoscaler's minimum)" : "") + ", "
                                + (required > replicas ? "the budget can never be met" : "the budget never allows an eviction")
                                + " and blocks node drains forever",
                        "keep fewer pods available, e.g. minAvailable(\"" + (replicas - 1) + "\") or maxUnavailable(\"1\")");
                return;
            }
        }
    }

    /** Pods a minAvailable keeps: a number, or a percentage of the pods rounded up (as the disruption controller does). */
    private static int required(String amount, int replicas) {
        if (amount.endsWith("%")) {
            BigDecimal percent = new BigDecimal(amount.substring(0, amount.length() - 1));
            return percent.multiply(BigDecimal.valueOf(replicas)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                    .intValueExact();
        }
        return Integer.parseInt(amount);
    }

    private void autoscaling(App app, FieldPath path) {
        app.availability().autoscaling().ifPresent(a -> {
            if (a.minReplicas() < 1) {
                problems.add(ViolationCode.AUTOSCALING_MIN_REPLICAS,
                        path.field("minReplicas"), a.minReplicas(), "must be at least 1", "use e.g. 2");
            }
            if (a.maxReplicas() < a.minReplicas()) {
                problems.add(ViolationCode.AUTOSCALING_MAX_BELOW_MIN, path.field("maxReplicas"), a.maxReplicas(),
                        "must be at least minReplicas (" + a.minReplicas() + ")", "raise maxReplicas");
            }
            if (a.cpuUtilizationPercent() < 1 || a.cpuUtilizationPercent() > 1000) {
                problems.add(ViolationCode.AUTOSCALING_CPU_TARGET_INVALID,
                        path.field("cpuUtilizationPercent"), a.cpuUtilizationPercent(),
                        "must be from 1 to 1000 (percent of the CPU request)", "use e.g. 70");
            }
        });
    }

    private boolean intOrPercent(FieldPath fieldPath, String value) {
        if (!Names.INT_OR_PERCENT.matcher(value).matches()
                || value.endsWith("%") && Integer.parseInt(value.substring(0, value.length() - 1)) > 100) {
            problems.add(ViolationCode.WORKLOAD_INT_OR_PERCENT_INVALID,
                    fieldPath, value, "must be a whole number or a percentage from 0% to 100%", "use e.g. 1 or 25%");
            return false;
        }
        return true;
    }

    private static boolean isZero(String intOrPercent) {
        return intOrPercent.equals("0") || intOrPercent.equals("0%");
    }
}
