package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.DisruptionBudget;
import dev.goldenpath.dsl.EnvVar;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Probe;
import dev.goldenpath.dsl.Rollout;
import dev.goldenpath.dsl.Secret;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.dsl.WritablePath;
import dev.goldenpath.generators.metadata.Labels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pod every workload kind runs: its hardened containers, their volumes (writable folders, secrets) and scheduling.
 * Deployments, StatefulSets, Jobs and CronJobs all take their pod template from here, so that every kind gets the same
 * hardening from the same code.
 */
final class Pods {

    private Pods() {
    }

    static PodSpec spec(AppInstance instance, boolean token) {
        App app = instance.app();
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        // A stateful service's claims name their pod volumes themselves: reserved first, so derived names avoid them.
        Set<String> volumeNames = new HashSet<>();
        StatefulSets.volumes(app).forEach(v -> volumeNames.add(v.name()));
        mounts.addAll(StatefulSets.mounts(app));
        for (WritablePath writable : app.container().writablePaths()) {
            String name = volumeName(writable.path(), volumeNames);
            // The root filesystem is read-only; each writable folder is a size-limited emptyDir (PSS restricted
            // allows emptyDir), so a runaway writer cannot fill the node's disk.
            volumes.add(new VolumeBuilder().withName(name)
                    .withNewEmptyDir().withSizeLimit(new Quantity(writable.sizeLimit())).endEmptyDir().build());
            mounts.add(new VolumeMountBuilder().withName(name).withMountPath(writable.path()).build());
        }
        for (Secret secret : app.secrets()) {
            if (secret.mountPath().isPresent()) {
                String name = volumeName("secret-" + secret.name(), volumeNames);
                // Owner and group may read, nobody writes: the pod's user and its fsGroup.
                volumes.add(new VolumeBuilder().withName(name)
                        .withNewSecret().withSecretName(secret.name()).withDefaultMode(0440).endSecret().build());
                mounts.add(new VolumeMountBuilder().withName(name).withMountPath(secret.mountPath().get())
                        .withReadOnly(true).build());
            }
        }
        ConfigMaps.volume(app, volumeNames).ifPresent(config -> {
            volumes.add(config);
            mounts.addAll(ConfigMaps.mounts(app, config.getName()));
        });
        CompanionContainers companions = CompanionContainers.of(instance, volumes, volumeNames, mounts);
        PodSpecBuilder spec = new PodSpecBuilder()
                .withServiceAccountName(instance.name())
                .withAutomountServiceAccountToken(token)
                // Service links inject every Service of the namespace as variables: noise, and an information leak.
                .withEnableServiceLinks(false)
                .withSecurityContext(SecureDefaults.pod(app))
                .withInitContainers(companions.initContainers())
                .withContainers(companions.containers(container(instance, mounts)))
                .withVolumes(volumes)
                .withRuntimeClassName(app.scheduling().runtimeClassName().orElse(null))
                .withNodeSelector(app.scheduling().nodeSelector())
                .withTolerations(app.scheduling().tolerations().stream().map(Pods::toleration).toList());
        if (instance.minimumReplicas() > 1) {
            // Spread replicas over nodes so one node failure does not take the whole app down.
            spec.withTopologySpreadConstraints(new TopologySpreadConstraintBuilder()
                    .withMaxSkew(1)
                    .withTopologyKey("kubernetes.io/hostname")
                    .withWhenUnsatisfiable("ScheduleAnyway")
                    .withLabelSelector(Workloads.selector(instance))
                    .build());
        }
        return spec.build();
    }

    private static Container container(AppInstance instance, List<VolumeMount> mounts) {
        App app = instance.app();
        Optional<Port> first = app.container().ports().stream().findFirst();
        boolean probes = !app.weakens(Weakening.NO_PROBES);
        return new ContainerBuilder()
                .withName(app.name())
                .withImage(instance.image())
                // Images are pinned by tag or digest, so a cached image is the right one.
                .withImagePullPolicy("IfNotPresent")
                .withCommand(app.container().command())
                .withArgs(app.container().args())
                .withPorts(app.container().ports().stream().map(Pods::containerPort).toList())
                .withEnv(env(app))
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity(instance.resources().requests().cpu()),
                                "memory", new Quantity(instance.resources().requests().memory())))
                        .withLimits(Map.of("cpu", new Quantity(instance.resources().limits().cpu()),
                                "memory", new Quantity(instance.resources().limits().memory())))
                        .build())
                .withLivenessProbe(probes ? probe(app.container().liveness().or(() -> first.map(p -> defaultProbe())), first) : null)
                .withReadinessProbe(probes ? probe(app.container().readiness().or(() -> first.map(p -> defaultProbe())), first) : null)
                .withStartupProbe(probe(app.container().startup(), first))
                .withSecurityContext(SecureDefaults.container(app))
                .withVolumeMounts(mounts)
                // The last log lines become the termination message when the app writes none: faster triage.
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
    }

    /** The default probe of an app with ports: a TCP connect to the first one. */
    static Probe defaultProbe() {
        return Probe.of(new Probe.TcpSocket(Optional.empty()));
    }

    static io.fabric8.kubernetes.api.model.Probe probe(Optional<Probe> declared, Optional<Port> first) {
        if (declared.isEmpty()) {
            return null;
        }
        Probe probe = declared.get();
        ProbeBuilder builder = new ProbeBuilder()
                .withInitialDelaySeconds(probe.initialDelaySeconds() > 0 ? probe.initialDelaySeconds() : null)
                .withPeriodSeconds(probe.periodSeconds())
                .withTimeoutSeconds(probe.timeoutSeconds())
                .withFailureThreshold(probe.failureThreshold());
        if (probe.action() instanceof Probe.HttpGet http) {
            builder.withNewHttpGet().withPath(http.path())
                    .withPort(new IntOrString(http.port().orElseGet(() -> first.orElseThrow().name()))).endHttpGet();
        } else if (probe.action() instanceof Probe.TcpSocket tcp) {
            builder.withNewTcpSocket()
                    .withPort(new IntOrString(tcp.port().orElseGet(() -> first.orElseThrow().name()))).endTcpSocket();
        } else if (probe.action() instanceof Probe.Exec exec) {
            builder.withNewExec().withCommand(exec.command()).endExec();
        }
        return builder.build();
    }

    static ContainerPort containerPort(Port port) {
        return new ContainerPortBuilder()
                .withName(port.name())
                .withContainerPort(port.number())
                .withProtocol(port.protocol().name())
                .withHostPort(port.hostPort() == 0 ? null : port.hostPort())
                .build();
    }

    /** Plain variables in declared order, then variables from secrets (by reference: the value never appears). */
    private static List<io.fabric8.kubernetes.api.model.EnvVar> env(App app) {
        List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>();
        for (EnvVar variable : app.container().env()) {
            env.add(new EnvVarBuilder().withName(variable.name()).withValue(variable.value()).build());
        }
        env.addAll(ConfigMaps.env(app));
        for (Secret secret : app.secrets()) {
            for (Secret.EnvFromSecret variable : secret.env()) {
                env.add(new EnvVarBuilder().withName(variable.variable())
                        .withNewValueFrom().withNewSecretKeyRef(variable.key(), secret.name(), false).endValueFrom()
                        .build());
            }
        }
        return env;
    }

    private static io.fabric8.kubernetes.api.model.Toleration toleration(Toleration toleration) {
        return new TolerationBuilder()
                .withKey(toleration.key().isEmpty() ? null : toleration.key())
                .withOperator(toleration.operator().kubernetesName())
                .withValue(toleration.value().orElse(null))
                .withEffect(toleration.effect().map(Toleration.Effect::kubernetesName).orElse(null))
                .build();
    }

    /** A DNS-1123 volume name derived from the path, made unique within the pod. */
    static String volumeName(String path, Set<String> taken) {
        String base = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "data";
        }
        base = base.length() > 50 ? base.substring(0, 50).replaceAll("-+$", "") : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
