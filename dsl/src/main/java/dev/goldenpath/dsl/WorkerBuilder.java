package dev.goldenpath.dsl;

/**
 * Builds a worker ({@code GoldenPath.worker(name)}): a Deployment with no Service and no ingress, for apps that only
 * call out (queue consumers, pollers). It has no ports, so no one can be declared as its caller.
 */
public final class WorkerBuilder extends ReplicatedBuilder<WorkerBuilder> {

    WorkerBuilder(String name) {
        super(name);
    }

    @Override
    WorkerBuilder self() {
        return this;
    }

    @Override
    Workload workload() {
        return new Workload.Worker();
    }
}
