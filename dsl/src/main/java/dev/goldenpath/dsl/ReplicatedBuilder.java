package dev.goldenpath.dsl;

import java.util.Optional;

/**
 * The settings of workloads that keep pods running: replicas, rollout, disruption budget and autoscaling (services,
 * stateful services and workers).
 *
 * @param <B> the builder's own type
 */
public abstract sealed class ReplicatedBuilder<B extends ReplicatedBuilder<B>> extends WorkloadBuilder<B>
        permits ServingBuilder, WorkerBuilder {
    private int replicas = 1;
    private Rollout rollout = Rollout.DEFAULT;
    private DisruptionBudget disruptionBudget = DisruptionBudget.DEFAULT;
    private Optional<Autoscaling> autoscaling = Optional.empty();

    ReplicatedBuilder(String name) {
        super(name);
    }

    @Override
    Availability availability() {
        return new Availability(replicas, rollout, disruptionBudget, autoscaling);
    }

    /** The replica count in every environment that does not override it (default 1). */
    public B replicas(int count) {
        this.replicas = count;
        return self();
    }

    public B rollout(Rollout strategy) {
        this.rollout = strategy;
        return self();
    }

    public B disruptionBudget(DisruptionBudget budget) {
        this.disruptionBudget = budget;
        return self();
    }

    /** Scales between min and max replicas to keep average CPU use near the target. */
    public B autoscale(int minReplicas, int maxReplicas, int cpuUtilizationPercent) {
        this.autoscaling = Optional.of(new Autoscaling(minReplicas, maxReplicas, cpuUtilizationPercent));
        return self();
    }
}
