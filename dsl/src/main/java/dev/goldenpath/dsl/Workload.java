package dev.goldenpath.dsl;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What kind of workload an app is, with the settings only that kind has. Chosen by the DSL entry point:
 * {@code app(..)} is a {@link Service}, {@code worker(..)} a {@link Worker}, {@code scheduledJob(..)} a
 * {@link ScheduledJob}, {@code statefulService(..)} a {@link StatefulService}. docs/dsl-reference.md says when to use
 * which.
 */
public sealed interface Workload permits Workload.Service, Workload.Worker, Workload.ScheduledJob,
        Workload.StatefulService {

    /** A Deployment behind a ClusterIP Service: the app others call. */
    record Service() implements Workload {
    }

    /** A Deployment with no Service and no ingress at all: it only calls out (a queue consumer, a poller). */
    record Worker() implements Workload {
    }

    /**
     * A CronJob: runs to completion on a schedule.
     *
     * @param schedule                   five cron fields (minute hour day-of-month month day-of-week), or a macro such
     *                                   as {@code @daily}
     * @param timeZone                   an IANA time zone the schedule is read in; empty means the controller's (UTC
     *                                   on most clusters)
     * @param concurrency                what happens when a run is still going at the next start
     * @param startingDeadlineSeconds    how late a missed start may still begin
     * @param successfulJobsHistoryLimit finished runs kept for inspection
     * @param failedJobsHistoryLimit     failed runs kept for inspection
     * @param run                        retries, deadline and clean-up of each run
     */
    record ScheduledJob(String schedule, Optional<String> timeZone, ConcurrencyPolicy concurrency,
                        long startingDeadlineSeconds, int successfulJobsHistoryLimit, int failedJobsHistoryLimit,
                        JobRun run) implements Workload {

        /** A job of this schedule with every other setting at its default. */
        public static ScheduledJob of(String schedule) {
            return new ScheduledJob(schedule, Optional.empty(), ConcurrencyPolicy.FORBID, 300, 3, 3, JobRun.DEFAULT);
        }
    }

    /**
     * A StatefulSet behind a headless Service: stable pod names and one volume per pod that outlives it.
     *
     * @param volumes         the claims each pod gets, mounted read-write
     * @param podManagement   whether pods start and stop one by one or all at once
     * @param whenDeleted     what happens to the claims when the StatefulSet is deleted
     * @param whenScaled      what happens to the claims of pods removed by scaling down
     * @param peerPorts       the ports on which the service's own pods call each other (a clustered database's
     *                        replication or gossip ports); empty: its pods do not reach each other
     */
    record StatefulService(List<VolumeClaim> volumes, PodManagement podManagement, VolumeRetention whenDeleted,
                           VolumeRetention whenScaled, List<Integer> peerPorts) implements Workload {

        /**
         * How a StatefulSet replaces its pods, and the only rollout a stateful service takes: one pod at a time, highest
         * ordinal first, no surge (a StatefulSet has no surge: a pod's name and volume exist once).
         */
        public static final Rollout ROLLOUT = new Rollout(false, "0", "1", 0);

        /** No volume yet, ordered pod management, every claim retained, no peer traffic. */
        public static final StatefulService DEFAULT = new StatefulService(List.of(), PodManagement.ORDERED,
                VolumeRetention.RETAIN, VolumeRetention.RETAIN, List.of());

        public StatefulService {
            volumes = Copies.list(volumes);
            peerPorts = Copies.list(peerPorts);
        }
    }

    /** What a CronJob does when a run is still going at the next start. */
    enum ConcurrencyPolicy {
        /** Skip the new run (the default: two runs of a batch job rarely expect each other). */
        FORBID("Forbid"),
        /** Start the new run beside the old one. */
        ALLOW("Allow"),
        /** Stop the old run and start the new one. */
        REPLACE("Replace");

        private final String kubernetesName;

        ConcurrencyPolicy(String kubernetesName) {
            this.kubernetesName = kubernetesName;
        }

        public String kubernetesName() {
            return kubernetesName;
        }
    }

    /** How a StatefulSet starts and stops its pods. */
    enum PodManagement {
        /** One at a time, in order (the default: what clustered databases expect). */
        ORDERED("OrderedReady"),
        /** All at once. */
        PARALLEL("Parallel");

        private final String kubernetesName;

        PodManagement(String kubernetesName) {
            this.kubernetesName = kubernetesName;
        }

        public String kubernetesName() {
            return kubernetesName;
        }
    }

    /** What happens to a StatefulSet's volume claims. */
    enum VolumeRetention {
        /** Keep them (the default: data outlives its pods). */
        RETAIN("Retain"),
        /** Delete them. */
        DELETE("Delete");

        private final String kubernetesName;

        VolumeRetention(String kubernetesName) {
            this.kubernetesName = kubernetesName;
        }

        public String kubernetesName() {
            return kubernetesName;
        }
    }

    /**
     * A volume claim template of a stateful service.
     *
     * @param name         the claim's name (a DNS-1123 label)
     * @param mountPath    where the container mounts it
     * @param size         the storage it requests, a quantity such as {@code 10Gi}
     * @param storageClass the storage class; empty means the cluster's default
     */
    record VolumeClaim(String name, String mountPath, String size, Optional<String> storageClass) {
    }

    /**
     * Retries, deadline and clean-up of one run of a job.
     *
     * @param backoffLimit            retries before the run counts as failed
     * @param activeDeadlineSeconds   the longest a run may take, retries included
     * @param ttlSecondsAfterFinished how long a finished run is kept before it is deleted
     */
    record JobRun(int backoffLimit, long activeDeadlineSeconds, OptionalLong ttlSecondsAfterFinished) {
        /** Three retries, one hour, kept a day. */
        public static final JobRun DEFAULT = new JobRun(3, 3600, OptionalLong.of(86400));
    }
}
