package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a stateful service ({@code GoldenPath.statefulService(name)}): a StatefulSet behind a headless Service, each
 * pod with its own volumes that outlive it, writable by the non-root user through the pod's {@code fsGroup}.
 */
public final class StatefulServiceBuilder extends ServingBuilder<StatefulServiceBuilder> {
    private final List<Workload.VolumeClaim> volumes = new ArrayList<>();
    private Workload.PodManagement podManagement = Workload.PodManagement.ORDERED;
    private Workload.VolumeRetention whenDeleted = Workload.VolumeRetention.RETAIN;
    private Workload.VolumeRetention whenScaled = Workload.VolumeRetention.RETAIN;

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

    @Override
    Workload workload() {
        return new Workload.StatefulService(volumes, podManagement, whenDeleted, whenScaled);
    }
}
