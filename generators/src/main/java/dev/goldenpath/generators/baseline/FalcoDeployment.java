package dev.goldenpath.generators.baseline;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Baseline;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.network.NetworkPolicies;
import dev.goldenpath.generators.workload.SecureDefaults;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Falco as a DaemonSet on the platform's security nodes, in least-privileged modern-eBPF mode (no privileged
 * container, no host namespaces): the rules generated from the apps' runtime profiles are mounted from a ConfigMap
 * into {@code /etc/falco/rules.d}, which the image's default configuration loads (and reloads on change).
 *
 * <p>Falco cannot meet PSS restricted: each weakening is declared on the object with its reason, and the
 * {@code falco} namespace enforces {@code privileged} with the reason annotated.
 */
final class FalcoDeployment {

    static final String NAMESPACE = "falco";
    static final String NAME = "falco";
    static final String RULES_CONFIG_MAP = "falco-rules";
    static final String RULES_FILE = "goldenpath-rules.yaml";
    static final int WEB_PORT = 8765;
    /** Falco's least-privileged modern eBPF mode (Falco chart, driver.modernEbpf.leastPrivileged). */
    static final List<String> CAPABILITIES = List.of("BPF", "PERFMON", "SYS_PTRACE", "SYS_RESOURCE");

    /** The declared weakenings, by lint rule id: why Falco needs each. */
    static final Map<String, String> WEAKENINGS = Map.of(
            "pss-capabilities-baseline", "Falco's modern eBPF probe needs BPF and PERFMON to load and read kernel programs, "
                    + "SYS_RESOURCE for its ring buffers and SYS_PTRACE to read other processes' /proc entries",
            "pss-host-path-volumes", "Falco reads the node's /proc and /etc (read-only) and asks the container runtime "
                    + "socket which pod a process belongs to",
            "pss-run-as-non-root", "loading eBPF programs and reading every process's /proc entries need uid 0",
            "pss-run-as-user", "loading eBPF programs and reading every process's /proc entries need uid 0",
            "pss-app-armor", "the runtime's default AppArmor profile denies the bpf() and perf_event_open() calls of the "
                    + "probe (Falco chart: unconfined in least-privileged mode)");
    static final String NAMESPACE_REASON = "Falco's DaemonSet loads an eBPF probe with capabilities outside the "
            + "baseline set and mounts host paths (see the weakenings on DaemonSet falco/falco)";

    private final Platform platform;
    private final Environment environment;

    FalcoDeployment(Platform platform, Environment environment) {
        this.platform = platform;
        this.environment = environment;
    }

    List<HasMetadata> render(List<AppInstance> instances) {
        Baseline.Falco settings = platform.baseline().falco();
        Map<String, String> labels = ClusterBaseline.labels(platform, environment, NAME);
        // One ConfigMap per rules file: each stays under the 1 MiB object limit however many apps have profiles.
        List<HasMetadata> rules = new java.util.ArrayList<>();
        List<String> configMaps = new java.util.ArrayList<>();
        FalcoRules.files(instances, FalcoRules.MAX_FILE_BYTES).forEach((file, text) -> {
            String name = file.equals(RULES_FILE) ? RULES_CONFIG_MAP
                    : RULES_CONFIG_MAP + "-" + file.substring("goldenpath-rules-".length(), file.length() - ".yaml".length());
            configMaps.add(name);
            rules.add(new ConfigMapBuilder()
                    .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, name, NAMESPACE, Map.of()))
                    .withData(Map.of(file, text))
                    .build());
        });
        Map<String, String> annotations = new TreeMap<>();
        WEAKENINGS.forEach((rule, reason) -> annotations.put(Labels.WEAKENING_PREFIX + rule, reason));
        HasMetadata daemonSet = new DaemonSetBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, NAME, NAMESPACE, annotations))
                .withNewSpec()
                .withNewSelector().withMatchLabels(Map.of(Labels.NAME, NAME)).endSelector()
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                // Falco needs no Kubernetes API: pod metadata comes from the container runtime (CIS 5.1.6).
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNodeSelector(settings.nodeSelector().isEmpty() ? null : new TreeMap<>(settings.nodeSelector()))
                .withTolerations(settings.tolerations().stream().map(FalcoDeployment::toleration).toList())
                .withSecurityContext(SecureDefaults.rootAgentPod())
                .withContainers(container(settings.image()))
                .withVolumes(volumes(configMaps))
                .withTerminationGracePeriodSeconds(30L)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        List<HasMetadata> objects = new java.util.ArrayList<>();
        objects.add(ClusterBaseline.namespace(platform, environment, NAMESPACE, PodSecurityLevel.PRIVILEGED, NAMESPACE_REASON));
        // Falco opens no connection and serves only the kubelet's probes: deny everything else.
        objects.add(NetworkPolicies.defaultDeny(platform, NAMESPACE));
        objects.addAll(rules);
        objects.add(daemonSet);
        return objects;
    }

    private static Container container(String image) {
        Probe health = new ProbeBuilder().withNewHttpGet().withPath("/healthz").withNewPort(WEB_PORT).endHttpGet()
                .withPeriodSeconds(15).withTimeoutSeconds(5).withFailureThreshold(3).build();
        Probe startup = new ProbeBuilder().withNewHttpGet().withPath("/healthz").withNewPort(WEB_PORT).endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(20).build();
        return new ContainerBuilder()
                .withName(NAME)
                .withImage(image)
                .withArgs("/usr/bin/falco")
                .addNewEnv().withName("HOST_ROOT").withValue("/host").endEnv()
                .addNewEnv().withName("FALCO_HOSTNAME").withNewValueFrom().withNewFieldRef()
                .withFieldPath("spec.nodeName").endFieldRef().endValueFrom().endEnv()
                .addNewPort().withName("web").withContainerPort(WEB_PORT).withProtocol("TCP").endPort()
                .withStartupProbe(startup)
                .withLivenessProbe(health)
                .withReadinessProbe(health)
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("512Mi")))
                .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
                .endResources()
                // The restricted defaults with the probe's capabilities added back; AppArmor unconfined as the Falco
                // chart runs it in least-privileged mode.
                .withSecurityContext(new SecurityContextBuilder(SecureDefaults.container(CAPABILITIES, false, true, null))
                        .withNewAppArmorProfile().withType("Unconfined").endAppArmorProfile().build())
                .withVolumeMounts(
                        mount("proc", "/host/proc", true),
                        mount("etc", "/host/etc", true),
                        mount("containerd", "/host/run/containerd/containerd.sock", false),
                        mount("rules", "/etc/falco/rules.d", true),
                        mount("state", "/root/.falco", false),
                        mount("tmp", "/tmp", false))
                .build();
    }

    private static List<Volume> volumes(List<String> ruleConfigMaps) {
        // Every rules ConfigMap projected into one folder: Falco loads rules.d in file-name order.
        io.fabric8.kubernetes.api.model.ProjectedVolumeSourceBuilder projected = new io.fabric8.kubernetes.api.model.ProjectedVolumeSourceBuilder();
        for (String configMap : ruleConfigMaps) {
            projected.addNewSource().withNewConfigMap().withName(configMap).endConfigMap().endSource();
        }
        return List.of(
                host("proc", "/proc", "Directory"),
                host("etc", "/etc", "Directory"),
                host("containerd", "/run/containerd/containerd.sock", "Socket"),
                ruleConfigMaps.size() == 1
                        ? new VolumeBuilder().withName("rules").withNewConfigMap().withName(RULES_CONFIG_MAP).endConfigMap().build()
                        : new VolumeBuilder().withName("rules").withProjected(projected.build()).build(),
                new VolumeBuilder().withName("state").withNewEmptyDir().withSizeLimit(new Quantity("64Mi")).endEmptyDir().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("64Mi")).endEmptyDir().build());
    }

    private static Volume host(String name, String path, String type) {
        return new VolumeBuilder().withName(name).withNewHostPath().withPath(path).withType(type).endHostPath().build();
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        return new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName(name).withMountPath(path)
                .withReadOnly(readOnly ? Boolean.TRUE : null).build();
    }

    private static Toleration toleration(dev.goldenpath.dsl.Toleration toleration) {
        return new TolerationBuilder()
                .withKey(toleration.key().isEmpty() ? null : toleration.key())
                .withOperator(toleration.operator().kubernetesName())
                .withValue(toleration.value().orElse(null))
                .withEffect(toleration.effect().map(dev.goldenpath.dsl.Toleration.Effect::kubernetesName).orElse(null))
                .build();
    }
}
