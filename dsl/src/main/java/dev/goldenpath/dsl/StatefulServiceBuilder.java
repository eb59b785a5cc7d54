package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a stateful service ({@code GoldenPath.statefulService(name)}): a StatefulSet behind a headless Service (stable
 * pod names) and a ClusterIP Service (what callers use, as for apps), each pod with its own volumes that outlive it,
 * writable by the non-root user through the pod's {@code fsGroup}.
 *
 * <pre>{@code
 * statefulService("orders-db")
 *     .team("payments")
 *     .image("registry.example.com/postgres:16.4")
 *     .port("postgres", 5432)
 *     .volume("data", "/var/lib/postgresql/data", "20Gi", "fast-ssd")
 *     .replicas(3)
 *     .peersCallEachOther(5432)
 *     .calledBy("payments-api", 5432)
 * }</pre>
 */
public final class StatefulServiceBuilder extends ServingBuilder<StatefulServiceBuilder> {
    private final List<Workload.VolumeClaim> volumes = new ArrayList<>();
    private Workload.PodManagement podManagement = Workload.PodManagement.ORDERED;
    private Workload.VolumeRetention whenDeleted = Workload.VolumeRetention.RETAIN;
    private Workload.VolumeRetention whenScaled = Workload.VolumeRetention.RETAIN;
    private final List<Integer> peerPorts = new ArrayList<>();
    private boolean rolloutDeclared;

    StatefulServiceBuilder(String name) {
        super(name);
    }

    @Override
    StatefulServiceBuilder self() {
        return this;
    }

    /** A volume of this size (e.g. {@code 10Gi}) per pod, mounted at the path, from the cluster's default class. */
    public StatefulServiceBuilder volume(String name, String mountPath, String size) {
        volumes.add(new Workload.VolumeClaim(name, mountPath, size, Optional.empty()));
        return this;
    }

    /** A volume of this size per pod, mounted at the path, from this storage class. */
    public StatefulServiceBuilder volume(String name, String mountPath, String size, String storageClass) {
        volumes.add(new Workload.VolumeClaim(name, mountPath, size, Copies.optional(storageClass)));
        return this;
    }

    /** Starts and stops pods all at once instead of one by one (default: ordered). */
    public StatefulServiceBuilder parallelPodManagement() {
        this.podManagement = Workload.PodManagement.PARALLEL;
        return this;
    }

    /**
     * What happens to the volumes when the stateful service is deleted and when it is scaled down (default: both
     * retained, so no data is lost by a mistake).
     */
    public StatefulServiceBuilder volumeRetention(Workload.VolumeRetention deleted, Workload.VolumeRetention scaled) {
        this.whenDeleted = deleted;
        this.whenScaled = scaled;
        return this;
    }

    /**
     * The service's own pods call each other on these of its ports (a clustered database's replication, gossip or
     * election ports): ingress and egress between its pods, on exactly these ports. Without it, its pods cannot reach
     * each other.
     */
    public StatefulServiceBuilder peersCallEachOther(int port, int... morePorts) {
        peerPorts.addAll(Copies.ports(port, morePorts));
        return this;
    }

    /**
     * A stateful service replaces its pods one at a time (highest ordinal first) and has no surge, so the rollout
     * only sets {@code minReadySeconds}: {@code recreate()}, a surge or more than one unavailable pod are violations.
     */
    @Override
    public StatefulServiceBuilder rollout(Rollout strategy) {
        this.rolloutDeclared = true;
        return super.rollout(strategy);
    }

    @Override
    Availability availability() {
        Availability declared = super.availability();
        return rolloutDeclared ? declared : new Availability(declared.replicas(), Workload.StatefulService.ROLLOUT,
                declared.disruptionBudget(), declared.autoscaling());
    }

    @Override
    Workload workload() {
        return new Workload.StatefulService(volumes, podManagement, whenDeleted, whenScaled, peerPorts);
    }
}
