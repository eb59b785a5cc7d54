package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.EnvVar;
import dev.goldenpath.dsl.NamedContainer;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Secret;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.dsl.WritablePath;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The init containers and sidecars of a pod, each hardened like the main container.
 *
 * <p>Order: native sidecars first, then init containers, each in declared order. The kubelet starts init containers
 * one by one and goes on past a native sidecar (an init container with {@code restartPolicy: Always}) once it has
 * started (its startup probe passed, if it has one), so an init container placed after a sidecar can use it (a database
 * proxy for a migration, a mesh proxy). Where the environment has no native sidecars they follow the main container as
 * regular containers, and init containers cannot use them.
 *
 * <p>Least privilege: a companion gets none of the app's secrets unless the spec gives them by name, none of the app's
 * weakenings that switch a default off (privilege escalation, a writable root filesystem), and its own uid and gid
 * (the default user, never the main container's root), stated on the container.
 *
 * @param initContainers the pod's {@code initContainers}
 * @param regular        sidecars rendered as regular containers (clusters without native sidecars)
 */
record CompanionContainers(List<Container> initContainers, List<Container> regular) {

    /**
     * Builds the companions of the instance's pod; their writable folders are added to {@code volumes} under names
     * unique in the pod.
     *
     * @param mainMounts the main container's mounts, where a given secret's volume is found by its mount path
     */
    static CompanionContainers of(AppInstance instance, List<Volume> volumes, Set<String> volumeNames,
                                  List<VolumeMount> mainMounts) {
        App app = instance.app();
        if (app.companions().all().isEmpty()) {
            return new CompanionContainers(List.of(), List.of());
        }
        boolean nativeSidecars = instance.environment().nativeSidecars();
        List<Container> init = new ArrayList<>();
        List<Container> regular = new ArrayList<>();
        for (NamedContainer sidecar : app.companions().sidecars()) {
            Container container = container(app, sidecar, true, volumes, volumeNames, mainMounts);
            if (nativeSidecars) {
                // A native sidecar (KEP-753): an init container that keeps running for the pod's life, started before
                // the init containers after it and stopped after the main container (a Job completes without it).
                container.setRestartPolicy("Always");
                init.add(container);
            } else {
                regular.add(container);
            }
        }
        for (NamedContainer initContainer : app.companions().initContainers()) {
            init.add(container(app, initContainer, false, volumes, volumeNames, mainMounts));
        }
        return new CompanionContainers(List.copyOf(init), List.copyOf(regular));
    }

    /** The pod's {@code containers}: the main one, then the sidecars rendered as regular containers. */
    List<Container> containers(Container main) {
        List<Container> containers = new ArrayList<>();
        containers.add(main);
        containers.addAll(regular);
        return containers;
    }

    private static Container container(App app, NamedContainer companion, boolean sidecar, List<Volume> volumes,
                                       Set<String> volumeNames, List<VolumeMount> mainMounts) {
        dev.goldenpath.dsl.Container spec = companion.container();
        List<VolumeMount> mounts = new ArrayList<>();
        for (WritablePath writable : spec.writablePaths()) {
            // Each container's writable folders are its own size-limited emptyDirs (read-only root filesystem).
            String name = Pods.volumeName(companion.name() + "-" + writable.path(), volumeNames);
            volumes.add(new VolumeBuilder().withName(name)
                    .withNewEmptyDir().withSizeLimit(new Quantity(writable.sizeLimit())).endEmptyDir().build());
            mounts.add(new VolumeMountBuilder().withName(name).withMountPath(writable.path()).build());
        }
        List<Secret> given = app.secrets().stream().filter(s -> companion.secrets().contains(s.name())).toList();
        for (Secret secret : given) {
            secret.mountPath().flatMap(path -> mainMounts.stream().filter(m -> m.getMountPath().equals(path)).findFirst())
                    .ifPresent(mount -> mounts.add(new VolumeMountBuilder(mount).build()));
        }
        Optional<Port> first = sidecar ? spec.ports().stream().findFirst() : Optional.empty();
        // NO_PROBES on the app leaves every container of the pod without probes; init containers never have any.
        boolean probes = sidecar && !app.weakens(Weakening.NO_PROBES);
        return new ContainerBuilder()
                .withName(companion.name())
                .withImage(spec.image())
                // Images are pinned by tag or digest, so a cached image is the right one.
                .withImagePullPolicy("IfNotPresent")
                .withCommand(spec.command())
                .withArgs(spec.args())
                .withPorts(sidecar ? spec.ports().stream().map(Pods::containerPort).toList() : List.of())
                .withEnv(env(spec, given))
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity(spec.resources().requests().cpu()),
                                "memory", new Quantity(spec.resources().requests().memory())))
                        .withLimits(Map.of("cpu", new Quantity(spec.resources().limits().cpu()),
                                "memory", new Quantity(spec.resources().limits().memory())))
                        .build())
                .withLivenessProbe(probes ? Pods.probe(spec.liveness().or(() -> first.map(p -> Pods.defaultProbe())), first) : null)
                .withReadinessProbe(probes ? Pods.probe(spec.readiness().or(() -> first.map(p -> Pods.defaultProbe())), first) : null)
                .withStartupProbe(sidecar ? Pods.probe(spec.startup(), first) : null)
                .withSecurityContext(SecureDefaults.companion(spec))
                .withVolumeMounts(mounts)
                // The last log lines become the termination message when the container writes none: faster triage.
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
    }

    /** Plain variables in declared order, then the variables of the secrets it is given (by reference). */
    private static List<io.fabric8.kubernetes.api.model.EnvVar> env(dev.goldenpath.dsl.Container spec, List<Secret> given) {
        List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>();
        for (EnvVar variable : spec.env()) {
            env.add(new EnvVarBuilder().withName(variable.name()).withValue(variable.value()).build());
        }
        for (Secret secret : given) {
            for (Secret.EnvFromSecret variable : secret.env()) {
                env.add(new EnvVarBuilder().withName(variable.variable())
                        .withNewValueFrom().withNewSecretKeyRef(variable.key(), secret.name(), false).endValueFrom()
                        .build());
            }
        }
        return env;
    }
}
