package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.EnvVar;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SyncJob;
import dev.goldenpath.dsl.Workload;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.metadata.Models;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The run-to-completion objects: a scheduled job's CronJob and the Jobs an app runs before each sync. Their pods come
 * from {@link Pods} like every other kind's, so they get the same hardening, service account, secrets and config.
 *
 * <p>Jobs run before sync are Argo CD {@code Sync} hooks in wave 1, and the app's pod controller waits in wave 2: Argo
 * CD applies a phase wave by wave and waits for each wave to be healthy (a hook Job: succeeded), so the job runs after
 * the app's ServiceAccount, Secrets, config and NetworkPolicies exist (wave 0) and before the new version's pods start.
 * A {@code PreSync} hook would run before all of them: on the first sync the service account does not exist yet, and
 * on every config change the new, hash-named ConfigMap does not, so the job's pod could never start.
 */
public final class Jobs {

    /** Argo CD's hook annotation: which sync phase runs the object as a hook. */
    public static final String HOOK = "argocd.argoproj.io/hook";
    /** Argo CD's hook delete policy annotation. */
    public static final String HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
    /** Argo CD's sync wave annotation: lower waves are applied, and must be healthy, first. */
    public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    /** The wave of the jobs run before sync, after the app's other objects (wave 0). */
    static final String JOB_WAVE = "1";
    /** The wave of the app's pod controller when it has jobs run before sync: after they succeeded. */
    static final String CONTROLLER_WAVE = "2";
    /**
     * Istio's per-pod switch to inject its proxy as a native sidecar (an init container with restartPolicy Always):
     * the kubelet stops it when the job's container exits, so the Job completes, and the job keeps its mesh identity
     * (the app's service account), which STRICT mutual TLS at its callees requires.
     */
    static final String ISTIO_NATIVE_SIDECAR = "sidecar.istio.io/nativeSidecar";

    /**
     * One retry is one new pod: restartPolicy Never keeps each failed attempt's pod and logs for inspection (OnFailure
     * restarts the container in place and keeps only the previous attempt's log), and a Job's pod failure policy
     * needs it.
     */
    private static final String RESTART_POLICY = "Never";

    private Jobs() {
    }

    /** A scheduled job's CronJob. */
    static HasMetadata cronJob(Platform platform, AppInstance instance, Workload.ScheduledJob schedule, boolean token) {
        Map<String, String> versioned = Labels.versioned(platform, instance);
        Map<String, String> annotations = Labels.annotationsWithWeakenings(instance);
        PodSpec pod = Pods.spec(instance, token);
        pod.setRestartPolicy(RESTART_POLICY);
        JobSpec job = jobSpec(schedule.run(), new PodTemplateSpec(
                new ObjectMetaBuilder().withLabels(versioned).withAnnotations(podAnnotations(platform, annotations)).build(),
                pod));
        CronJobSpec spec = new CronJobSpec();
        spec.setSchedule(schedule.schedule().strip());
        spec.setTimeZone(schedule.timeZone().orElse(null));
        spec.setConcurrencyPolicy(schedule.concurrency().kubernetesName());
        spec.setStartingDeadlineSeconds(schedule.startingDeadlineSeconds());
        spec.setSuccessfulJobsHistoryLimit(schedule.successfulJobsHistoryLimit());
        spec.setFailedJobsHistoryLimit(schedule.failedJobsHistoryLimit());
        spec.setJobTemplate(new JobTemplateSpec(new ObjectMetaBuilder().withLabels(versioned).build(), job));
        CronJob cronJob = new CronJob();
        cronJob.setMetadata(Workloads.metadata(platform, instance, versioned, annotations));
        waitForSyncJobs(instance, cronJob.getMetadata());
        cronJob.setSpec(spec);
        return cronJob;
    }

    /** The Jobs the app runs before each sync, in declared order. */
    static List<HasMetadata> beforeSync(Platform platform, AppInstance instance, boolean token) {
        List<HasMetadata> jobs = new ArrayList<>();
        for (SyncJob job : instance.app().beforeSync()) {
            jobs.add(syncJob(platform, instance, job, token));
        }
        return jobs;
    }

    /**
     * The labels of a sync job's pods and objects: the app's, with {@code app.kubernetes.io/name} set to the Job's
     * name, so that the app's Service, Deployment selector, disruption budget and NetworkPolicy never select them.
     */
    public static Map<String, String> labels(Platform platform, AppInstance instance, SyncJob job) {
        Map<String, String> labels = new TreeMap<>(Labels.versioned(platform, instance));
        labels.put(Labels.NAME, job.qualifiedName(instance.name()));
        return labels;
    }

    /** Puts the pod controller of an app that runs jobs before sync in the wave after them. */
    static void waitForSyncJobs(AppInstance instance, ObjectMeta metadata) {
        if (!instance.app().beforeSync().isEmpty()) {
            Map<String, String> annotations = new TreeMap<>(metadata.getAnnotations());
            annotations.put(SYNC_WAVE, CONTROLLER_WAVE);
            metadata.setAnnotations(annotations);
        }
    }

    private static HasMetadata syncJob(Platform platform, AppInstance instance, SyncJob job, boolean token) {
        String name = job.qualifiedName(instance.name());
        Map<String, String> labels = labels(platform, instance, job);
        Map<String, String> podAnnotations = Labels.annotationsWithWeakenings(instance);
        Map<String, String> annotations = new TreeMap<>(podAnnotations);
        annotations.put(HOOK, "Sync");
        // BeforeHookCreation: the last run stays until the next sync replaces it, so its logs and status stay readable
        // (HookSucceeded would delete a successful migration's evidence at once, HookFailed a failed one's).
        annotations.put(HOOK_DELETE_POLICY, "BeforeHookCreation");
        annotations.put(SYNC_WAVE, JOB_WAVE);
        Job object = new Job();
        object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(instance.namespace())
                .withLabels(labels).withAnnotations(annotations).build());
        object.setSpec(jobSpec(job.run(), new PodTemplateSpec(
                new ObjectMetaBuilder().withLabels(labels).withAnnotations(podAnnotations(platform, podAnnotations)).build(),
                syncJobPod(instance, job, token))));
        return object;
    }

    /**
     * The app's pod with the job's container in place of the app's: the app's service account, security context,
     * environment (the job's variables win), secrets and config mounts; the job's image (default: the app's, with the
     * environment's tag), command and resources (default: the app's); no ports, probes, init containers or sidecars
     * (a classic sidecar would keep the Job from completing, and a job serves nothing).
     */
    private static PodSpec syncJobPod(AppInstance instance, SyncJob job, boolean token) {
        App app = instance.app();
        PodSpec pod = Pods.spec(instance, token);
        Container main = pod.getContainers().stream().filter(c -> c.getName().equals(app.name())).findFirst()
                .orElseThrow();
        ContainerBuilder container = new ContainerBuilder(main)
                .withName(job.name())
                .withImage(job.container().image().isEmpty() ? instance.image() : job.container().image())
                .withCommand(job.container().command())
                .withArgs(job.container().args())
                .withPorts(List.of())
                .withLivenessProbe(null)
                .withReadinessProbe(null)
                .withStartupProbe(null)
                .withEnv(env(main, job));
        if (job.resourcesDeclared()) {
            container.withResources(new ResourceRequirementsBuilder()
                    .withRequests(Map.of("cpu", new Quantity(job.container().resources().requests().cpu()),
                            "memory", new Quantity(job.container().resources().requests().memory())))
                    .withLimits(Map.of("cpu", new Quantity(job.container().resources().limits().cpu()),
                            "memory", new Quantity(job.container().resources().limits().memory())))
                    .build());
        }
        Set<String> mounted = main.getVolumeMounts().stream().map(VolumeMount::getName).collect(Collectors.toSet());
        // Lists of the pod's own that a platform generator can change, as every generated object's (FreshObjectsTest).
        pod.setContainers(Models.list(container.build()));
        pod.setInitContainers(new ArrayList<>());
        pod.setVolumes(pod.getVolumes().stream().filter(v -> mounted.contains(v.getName()))
                .collect(Collectors.toCollection(ArrayList::new)));
        pod.setTopologySpreadConstraints(new ArrayList<>());
        pod.setRestartPolicy(RESTART_POLICY);
        return pod;
    }

    /** The app container's variables in order, each job variable replacing the app's of the same name or appended. */
    private static List<io.fabric8.kubernetes.api.model.EnvVar> env(Container main, SyncJob job) {
        Map<String, io.fabric8.kubernetes.api.model.EnvVar> env = new LinkedHashMap<>();
        main.getEnv().forEach(variable -> env.put(variable.getName(), variable));
        for (EnvVar variable : job.container().env()) {
            env.put(variable.name(), new EnvVarBuilder().withName(variable.name()).withValue(variable.value()).build());
        }
        return List.copyOf(env.values());
    }

    private static JobSpec jobSpec(Workload.JobRun run, PodTemplateSpec template) {
        JobSpec spec = new JobSpec();
        spec.setBackoffLimit(run.backoffLimit());
        spec.setActiveDeadlineSeconds(run.activeDeadlineSeconds());
        // Validated to fit batch/v1's int32.
        spec.setTtlSecondsAfterFinished(run.ttlSecondsAfterFinished().isPresent()
                ? Math.toIntExact(run.ttlSecondsAfterFinished().getAsLong()) : null);
        spec.setTemplate(template);
        return spec;
    }

    private static Map<String, String> podAnnotations(Platform platform, Map<String, String> annotations) {
        if (!platform.network().mesh()) {
            return annotations;
        }
        Map<String, String> meshed = new TreeMap<>(annotations);
        meshed.put(ISTIO_NATIVE_SIDECAR, "true");
        return meshed;
    }
}
