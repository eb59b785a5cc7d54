package dev.goldenpath.generators.baseline;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Baseline;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Network;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.network.NetworkPolicies;
import dev.goldenpath.generators.workload.SecureDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A daily (by default) Trivy vulnerability scan of the images that run in the cluster. The job lists the top-level
 * workloads through the Kubernetes API ({@code trivy k8s --exclude-owned}, read-only) and scans their images, so the
 * CronJob names no app image: an app's image bump changes only the app's own files, never this platform-owned one.
 * Each run writes the full JSON report to a PersistentVolumeClaim under {@code /reports/<UTC timestamp>/}, points
 * {@code /reports/latest} at it, keeps 30 days of runs, and prints a summary of HIGH and CRITICAL findings to the
 * job's log for log shipping.
 *
 * <p>Finding what runs needs a token and a ClusterRole that may get and list workloads (no secrets, no writes); the
 * cluster-wide binding is a declared weakening, with its reason. The NetworkPolicy allows egress to
 * DNS, to the environment's API server endpoints and to registries (HTTPS, plus the ports of the platform's own
 * registries).
 */
final class TrivyScan {

    static final String NAMESPACE = "trivy";
    static final String NAME = "trivy-scan";
    static final String REPORTS = "trivy-reports";
    static final long USER = 10001;

    /** The workload kinds whose images are scanned; owned ones (a Deployment's ReplicaSets and pods) are skipped. */
    static final String KINDS = "Deployment,StatefulSet,DaemonSet,CronJob,Job,ReplicaSet,ReplicationController,Pod";

    /** What the scan may read: exactly the kinds above and the namespaces they live in, get and list only. */
    static final List<PolicyRule> RULES = List.of(
            rule("", "namespaces", "pods", "replicationcontrollers"),
            rule("apps", "daemonsets", "deployments", "replicasets", "statefulsets"),
            rule("batch", "cronjobs", "jobs"));

    /** The declared weakening on the binding (lint rule rbac-cluster-role): why the scan reads cluster-wide. */
    static final String CLUSTER_ROLE_REASON = "the scan covers the images of every namespace, so it reads workloads "
            + "cluster-wide: get and list on workload kinds and namespaces, nothing else (no secrets, no writes)";

    /**
     * The job's script ({@code sh -c SCRIPT}): the JSON report to the volume, then a summary to the log. A failed
     * run fails the job (and keeps the report of the part that was scanned).
     */
    static final String SCRIPT = String.join("; ",
            "set -u",
            "out=/reports/$(date -u +%Y%m%dT%H%M%SZ)",
            "mkdir -p \"$out\"",
            "status=0",
            "scan() { trivy k8s --quiet --scanners vuln --disable-node-collector --include-kinds " + KINDS
                    + " --exclude-owned \"$@\"; }",
            "scan --report all --format json --output \"$out/workloads.json\" || status=1",
            "scan --report summary --severity HIGH,CRITICAL --format table || status=1",
            "ln -sfn \"$out\" /reports/latest",
            "find /reports -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} +",
            "exit $status");

    private final Platform platform;
    private final Environment environment;

    TrivyScan(Platform platform, Environment environment) {
        this.platform = platform;
        this.environment = environment;
    }

    /**
     * The ports of the registries the environment pulls from, besides HTTPS: those named in the images of its apps and
     * of the baseline. A registry changes this list, an image bump within a registry does not.
     */
    static SortedSet<Integer> registryPorts(Platform platform, List<AppInstance> instances) {
        TreeSet<Integer> ports = new TreeSet<>(List.of(443));
        List<String> images = new ArrayList<>();
        instances.forEach(i -> images.add(i.image()));
        instances.forEach(i -> i.app().companions().all().forEach(c -> images.add(c.container().image())));
        Baseline baseline = platform.baseline();
        if (baseline.falco().enabled()) {
            images.add(baseline.falco().image());
        }
        images.add(baseline.trivy().image());
        for (String image : images) {
            String registry = Admission.registry(image);
            int colon = registry.lastIndexOf(':');
            if (colon > 0) {
                ports.add(Integer.parseInt(registry.substring(colon + 1)));
            }
        }
        return ports;
    }

    List<HasMetadata> render(List<AppInstance> instances) {
        Baseline.Trivy settings = platform.baseline().trivy();
        Map<String, String> labels = ClusterBaseline.labels(platform, environment, NAME);
        HasMetadata account = new ServiceAccountBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, NAME, NAMESPACE, Map.of()))
                .withAutomountServiceAccountToken(false)
                .build();
        HasMetadata claim = new PersistentVolumeClaimBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, REPORTS, NAMESPACE, Map.of()))
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("2Gi"))).endResources()
                .endSpec().build();
        // Cluster-scoped names carry the environment, like the baseline's policies: environments may share a cluster.
        String clusterName = "goldenpath-" + NAME + "-" + environment.name();
        HasMetadata clusterRole = new ClusterRoleBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, clusterName, null, Map.of()))
                .withRules(RULES)
                .build();
        HasMetadata binding = new ClusterRoleBindingBuilder()
                .withMetadata(bindingMetadata(clusterName))
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterName)
                .addNewSubject().withKind("ServiceAccount").withName(NAME).withNamespace(NAMESPACE).endSubject()
                .build();
        HasMetadata cronJob = new CronJobBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, NAME, NAMESPACE, Map.of()))
                .withNewSpec()
                .withSchedule(settings.schedule())
                .withTimeZone("Etc/UTC")
                // One scan at a time: the report volume is ReadWriteOnce and a late run must not pile up.
                .withConcurrencyPolicy("Forbid")
                .withStartingDeadlineSeconds(3600L)
                .withSuccessfulJobsHistoryLimit(3)
                .withFailedJobsHistoryLimit(3)
                .withNewJobTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(1)
                .withActiveDeadlineSeconds(4 * 3600L)
                .withTtlSecondsAfterFinished(7 * 24 * 3600)
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(NAME)
                // CIS 5.1.6: a token only where the pod uses the API; this one lists workloads, bound to read-only access.
                .withAutomountServiceAccountToken(true)
                .withEnableServiceLinks(false)
                // The image's default user is root, so name one (PSS restricted, SecureDefaults).
                .withSecurityContext(SecureDefaults.pod(USER, USER, USER))
                .addNewContainer()
                .withName("scan")
                .withImage(settings.image())
                .withCommand("/bin/sh", "-c")
                .withArgs(SCRIPT)
                .addNewEnv().withName("HOME").withValue("/tmp").endEnv()
                .addNewEnv().withName("TRIVY_CACHE_DIR").withValue("/cache").endEnv()
                .addNewEnv().withName("TRIVY_NO_PROGRESS").withValue("true").endEnv()
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi")))
                .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")))
                .endResources()
                .withSecurityContext(SecureDefaults.restrictedContainer())
                .withVolumeMounts(
                        new VolumeMountBuilder().withName("cache").withMountPath("/cache").build(),
                        new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build(),
                        new VolumeMountBuilder().withName("reports").withMountPath("/reports").build())
                .endContainer()
                .withVolumes(
                        // The vulnerability database (about 1 GB unpacked) is fetched fresh by every run.
                        new VolumeBuilder().withName("cache").withNewEmptyDir().withSizeLimit(new Quantity("3Gi")).endEmptyDir().build(),
                        new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir().build(),
                        new VolumeBuilder().withName("reports").withNewPersistentVolumeClaim().withClaimName(REPORTS)
                                .endPersistentVolumeClaim().build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build();
        return List.of(
                ClusterBaseline.namespace(platform, environment, NAMESPACE, PodSecurityLevel.RESTRICTED, ""),
                NetworkPolicies.defaultDeny(platform, NAMESPACE),
                egress(registryPorts(platform, instances)),
                account, clusterRole, binding, claim, cronJob);
    }

    /** The cluster-wide binding's metadata, with the weakening it is. */
    private ObjectMeta bindingMetadata(String name) {
        return ClusterBaseline.metadata(platform, environment, NAME, name, null,
                Map.of(Labels.WEAKENING_PREFIX + "rbac-cluster-role", CLUSTER_ROLE_REASON));
    }

    /**
     * DNS; the API server's endpoints, to list what runs; and HTTPS (or a platform registry's own port) to the
     * registries and Trivy's database, which live outside.
     */
    private HasMetadata egress(SortedSet<Integer> ports) {
        Network.Peer dns = platform.network().dns();
        List<NetworkPolicyPort> registryPorts = ports.stream().map(p -> new NetworkPolicyPortBuilder()
                .withProtocol("TCP").withPort(new IntOrString(p)).build()).toList();
        NetworkPolicyEgressRule toDns = new NetworkPolicyEgressRuleBuilder()
                .addNewTo().withNewNamespaceSelector().withMatchLabels(Map.of(NetworkPolicies.NAMESPACE_NAME, dns.namespace()))
                .endNamespaceSelector().withNewPodSelector().withMatchLabels(dns.podLabels()).endPodSelector().endTo()
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
                        new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build())
                .build();
        NetworkPolicyEgressRule toRegistries = new NetworkPolicyEgressRuleBuilder()
                .addNewTo().withNewIpBlock().withCidr("0.0.0.0/0").endIpBlock().endTo()
                .addNewTo().withNewIpBlock().withCidr("::/0").endIpBlock().endTo()
                .withPorts(registryPorts)
                .build();
        return new NetworkPolicyBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, NAME + "-egress", NAMESPACE, Map.of()))
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Map.of(Labels.NAME, NAME)).endPodSelector()
                .withPolicyTypes("Egress")
                .withEgress(toDns, toApiServer(), toRegistries)
                .endSpec()
                .build();
    }

    /** The environment's API server endpoints on their port (declared with {@code Environment.apiServer}). */
    private NetworkPolicyEgressRule toApiServer() {
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(environment.apiServerCidrs().stream().map(cidr -> new NetworkPolicyPeerBuilder()
                        .withNewIpBlock().withCidr(cidr).endIpBlock().build()).toList())
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP")
                        .withPort(new IntOrString(environment.apiServerPort())).build())
                .build();
    }

    private static PolicyRule rule(String apiGroup, String... resources) {
        return new PolicyRuleBuilder().withApiGroups(apiGroup).withResources(resources).withVerbs("get", "list").build();
    }
}
