package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.EnvVar;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Probe;
import dev.goldenpath.dsl.Secret;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.dsl.WritablePath;
import dev.goldenpath.generators.metadata.Models;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
            EmptyDirVolumeSource emptyDir = new EmptyDirVolumeSource();
            emptyDir.setSizeLimit(new Quantity(writable.sizeLimit()));
            Volume volume = new Volume();
            volume.setName(name);
            volume.setEmptyDir(emptyDir);
            volumes.add(volume);
            mounts.add(mount(name, writable.path(), null));
        }
        for (Secret secret : app.secrets()) {
            if (secret.mountPath().isPresent()) {
                String name = volumeName("secret-" + secret.name(), volumeNames);
                // Owner and group may read, nobody writes: the pod's user and its fsGroup.
                SecretVolumeSource source = new SecretVolumeSource();
                source.setSecretName(secret.name());
                source.setDefaultMode(0440);
                Volume volume = new Volume();
                volume.setName(name);
                volume.setSecret(source);
                volumes.add(volume);
                mounts.add(mount(name, secret.mountPath().get(), true));
            }
        }
        ConfigMaps.volume(app, volumeNames).ifPresent(config -> {
            volumes.add(config);
            mounts.addAll(ConfigMaps.mounts(app, config.getName()));
        });
        CompanionContainers companions = CompanionContainers.of(instance, volumes, volumeNames, mounts);
        // Made directly, not with fabric8's builders, which copy every nested object twice: the pod is most of every
        // app's objects (issue 18). Fresh objects and mutable lists of their own, as the builders made them.
        PodSpec spec = new PodSpec();
        spec.setServiceAccountName(instance.name());
        spec.setAutomountServiceAccountToken(token);
        // Service links inject every Service of the namespace as variables: noise, and an information leak.
        spec.setEnableServiceLinks(false);
        spec.setSecurityContext(SecureDefaults.pod(app));
        spec.setInitContainers(Models.list(companions.initContainers()));
        spec.setContainers(Models.list(companions.containers(container(instance, mounts))));
        spec.setVolumes(Models.list(volumes));
        spec.setRuntimeClassName(app.scheduling().runtimeClassName().orElse(null));
        spec.setNodeSelector(Models.map(app.scheduling().nodeSelector()));
        List<io.fabric8.kubernetes.api.model.Toleration> tolerations = new ArrayList<>();
        app.scheduling().tolerations().forEach(t -> tolerations.add(toleration(t)));
        spec.setTolerations(tolerations);
        if (instance.minimumReplicas() > 1) {
            // Spread replicas over nodes so one node failure does not take the whole app down.
            TopologySpreadConstraint spread = new TopologySpreadConstraint();
            spread.setMaxSkew(1);
            spread.setTopologyKey("kubernetes.io/hostname");
            spread.setWhenUnsatisfiable("ScheduleAnyway");
            spread.setLabelSelector(Workloads.selector(instance));
            spec.setTopologySpreadConstraints(Models.list(spread));
        }
        return spec;
    }

    private static VolumeMount mount(String name, String path, Boolean readOnly) {
        VolumeMount mount = new VolumeMount();
        mount.setName(name);
        mount.setMountPath(path);
        mount.setReadOnly(readOnly);
        return mount;
    }

    private static Container container(AppInstance instance, List<VolumeMount> mounts) {
        App app = instance.app();
        Optional<Port> first = app.container().ports().stream().findFirst();
        boolean probes = !app.weakens(Weakening.NO_PROBES);
        Container container = new Container();
        container.setName(app.name());
        container.setImage(instance.image());
        // Images are pinned by tag or digest, so a cached image is the right one.
        container.setImagePullPolicy("IfNotPresent");
        container.setCommand(Models.list(app.container().command()));
        container.setArgs(Models.list(app.container().args()));
        List<ContainerPort> ports = new ArrayList<>();
        app.container().ports().forEach(p -> ports.add(containerPort(p)));
        container.setPorts(ports);
        container.setEnv(env(app));
        ResourceRequirements resources = new ResourceRequirements();
        resources.setRequests(cpuAndMemory(instance.resources().requests().cpu(), instance.resources().requests().memory()));
        resources.setLimits(cpuAndMemory(instance.resources().limits().cpu(), instance.resources().limits().memory()));
        container.setResources(resources);
        container.setLivenessProbe(probes ? probe(app.container().liveness().or(() -> first.map(p -> defaultProbe())), first) : null);
        container.setReadinessProbe(probes ? probe(app.container().readiness().or(() -> first.map(p -> defaultProbe())), first) : null);
        container.setStartupProbe(probe(app.container().startup(), first));
        container.setSecurityContext(SecureDefaults.container(app));
        container.setVolumeMounts(Models.list(mounts));
        // The last log lines become the termination message when the app writes none: faster triage.
        container.setTerminationMessagePolicy("FallbackToLogsOnError");
        return container;
    }

    private static Map<String, Quantity> cpuAndMemory(String cpu, String memory) {
        Map<String, Quantity> amounts = new LinkedHashMap<>();
        amounts.put("cpu", new Quantity(cpu));
        amounts.put("memory", new Quantity(memory));
        return amounts;
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
        io.fabric8.kubernetes.api.model.Probe made = new io.fabric8.kubernetes.api.model.Probe();
        made.setInitialDelaySeconds(probe.initialDelaySeconds() > 0 ? probe.initialDelaySeconds() : null);
        made.setPeriodSeconds(probe.periodSeconds());
        made.setTimeoutSeconds(probe.timeoutSeconds());
        made.setFailureThreshold(probe.failureThreshold());
        if (probe.action() instanceof Probe.HttpGet http) {
            HTTPGetAction get = new HTTPGetAction();
            get.setPath(http.path());
            get.setPort(new IntOrString(http.port().orElseGet(() -> first.orElseThrow().name())));
            made.setHttpGet(get);
        } else if (probe.action() instanceof Probe.TcpSocket tcp) {
            TCPSocketAction socket = new TCPSocketAction();
            socket.setPort(new IntOrString(tcp.port().orElseGet(() -> first.orElseThrow().name())));
            made.setTcpSocket(socket);
        } else if (probe.action() instanceof Probe.Exec exec) {
            made.setExec(new ExecAction(Models.list(exec.command())));
        }
        return made;
    }

    static ContainerPort containerPort(Port port) {
        ContainerPort made = new ContainerPort();
        made.setName(port.name());
        made.setContainerPort(port.number());
        made.setProtocol(port.protocol().name());
        made.setHostPort(port.hostPort() == 0 ? null : port.hostPort());
        return made;
    }

    /** Plain variables in declared order, then variables from secrets (by reference: the value never appears). */
    private static List<io.fabric8.kubernetes.api.model.EnvVar> env(App app) {
        List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>();
        for (EnvVar variable : app.container().env()) {
            env.add(new io.fabric8.kubernetes.api.model.EnvVar(variable.name(), variable.value(), null));
        }
        env.addAll(ConfigMaps.env(app));
        for (Secret secret : app.secrets()) {
            for (Secret.EnvFromSecret variable : secret.env()) {
                EnvVarSource from = new EnvVarSource();
                from.setSecretKeyRef(new SecretKeySelector(variable.key(), secret.name(), false));
                env.add(new io.fabric8.kubernetes.api.model.EnvVar(variable.variable(), null, from));
            }
        }
        return env;
    }

    private static io.fabric8.kubernetes.api.model.Toleration toleration(Toleration toleration) {
        io.fabric8.kubernetes.api.model.Toleration made = new io.fabric8.kubernetes.api.model.Toleration();
        made.setKey(toleration.key().isEmpty() ? null : toleration.key());
        made.setOperator(toleration.operator().kubernetesName());
        made.setValue(toleration.value().orElse(null));
        made.setEffect(toleration.effect().map(Toleration.Effect::kubernetesName).orElse(null));
        return made;
    }

    /** What a DNS-1123 label cannot hold, and the dashes that then cannot start or end one (compiled once). */
    private static final Pattern NOT_LABEL = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

    /** A DNS-1123 volume name derived from the path, made unique within the pod. */
    static String volumeName(String path, Set<String> taken) {
        String base = EDGE_DASHES.matcher(NOT_LABEL.matcher(path.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        if (base.isEmpty()) {
            base = "data";
        }
        base = base.length() > 50 ? TRAILING_DASHES.matcher(base.substring(0, 50)).replaceAll("") : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
