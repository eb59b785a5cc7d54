package dev.goldenpath.dsl;

import java.util.Optional;

/**
 * How many pods an app runs and how they are replaced: the replica count (or autoscaling), the rollout strategy and
 * the disruption budget that keeps some of them up while nodes are drained.
 *
 * @param replicas         the replica count in every environment that does not override it
 * @param rollout          how new versions replace old pods
 * @param disruptionBudget how many pods may be down during voluntary disruptions
 * @param autoscaling      CPU-based horizontal autoscaling, when declared
 */
public record Availability(int replicas, Rollout rollout, DisruptionBudget disruptionBudget,
                           Optional<Autoscaling> autoscaling) {

    /** One replica, the default rollout and budget, no autoscaler: what kinds without replicas (jobs) carry. */
    public static final Availability DEFAULT =
            new Availability(1, Rollout.DEFAULT, DisruptionBudget.DEFAULT, Optional.empty());
}
