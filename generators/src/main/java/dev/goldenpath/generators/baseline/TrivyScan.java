package dev.goldenpath.generators.baseline;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Baseline;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Network;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.Labels;
import dev.goldenpath.generators.network.NetworkPolicies;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A daily (by default) Trivy vulnerability scan of every image the environment runs, app images and the baseline's
 * own. Each run writes one JSON report per image ({@code trivy image --format json}) to a PersistentVolumeClaim
 * under {@code /reports/<UTC timestamp>/}, points {@code /reports/latest} at it, keeps 30 days of runs, and prints
 * a table of HIGH and CRITICAL findings per image to the job's log for log shipping. The pod has no API access
 * (no token, no RBAC): it needs none to scan registries.
 */
final class TrivyScan {

    static final String NAMESPACE = "trivy";
    static final String NAME = "trivy-scan";
    static final String REPORTS = "trivy-reports";
    static final long USER = 10001;

    /**
     * The job's script ({@code sh -c SCRIPT scan <image>...}): images are arguments, never spliced into the script.
     * A failed scan fails the job after the other images were scanned.
     */
    static final String SCRIPT = String.join("; ",
            "set -u",
            "out=/reports/$(date -u +%Y%m%dT%H%M%SZ)",
            "mkdir -p \"$out\"",
            "status=0",
            "for image in \"$@\"; do file=\"$out/$(printf %s \"$image\" | tr '/:@' '___').json\"; "
                    + "if trivy image --quiet --scanners vuln --format json --output \"$file\" \"$image\"; "
                    + "then echo \"== $image\"; trivy convert --format table --severity HIGH,CRITICAL \"$file\"; "
                    + "else echo \"scan failed: $image\" >&2; status=1; fi; done",
            "ln -sfn \"$out\" /reports/latest",
            "find /reports -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} +",
            "exit $status");

    private final Platform platform;
    private final Environment environment;

    TrivyScan(Platform platform, Environment environment) {
        this.platform = platform;
        this.environment = environment;
    }

    /** Every image of the environment, deduplicated and sorted: app images and the baseline's own. */
    static List<String> images(Platform platform, List<AppInstance> instances) {
        TreeSet<String> images = new TreeSet<>();
        instances.forEach(i -> images.add(i.image()));
        Baseline baseline = platform.baseline();
        if (baseline.falco().enabled()) {
            images.add(baseline.falco().image());
        }
        images.add(baseline.trivy().image());
        return List.copyOf(images);
    }

    List<HasMetadata> render(List<AppInstance> instances) {
        Baseline.Trivy settings = platform.baseline().trivy();
        List<String> images = images(platform, instances);
        Map<String, String> labels = ClusterBaseline.labels(platform, environment, NAME);
        List<String> args = new ArrayList<>();
        args.add(SCRIPT);
        args.add("scan");
        args.addAll(images);
        HasMetadata account = new ServiceAccountBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, NAME, NAMESPACE, Map.of()))
                .withAutomountServiceAccountToken(false)
                .build();
        HasMetadata claim = new PersistentVolumeClaimBuilder()
                .withMetadata(ClusterBaseline.metadata(platform, environment, NAME, REPORTS, NAMESPACE, Map.of()))
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("2Gi"))).endResources()
                .endSpec().build();
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
                // CIS 5.1.6: scanning registries needs no Kubernetes API.
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                // PSS restricted: non-root, seccomp RuntimeDefault; the image's default user is root, so name one.
                .withRunAsNonRoot(true).withRunAsUser(USER).withRunAsGroup(USER).withFsGroup(USER)
                .withFsGroupChangePolicy("OnRootMismatch")
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("scan")
                .withImage(settings.image())
                .withCommand("/bin/sh", "-c")
                .withArgs(args)
                .addNewEnv().withName("HOME").withValue("/tmp").endEnv()
                .addNewEnv().withName("TRIVY_CACHE_DIR").withValue("/cache").endEnv()
                .addNewEnv().withName("TRIVY_NO_PROGRESS").withValue("true").endEnv()
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi")))
                .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")))
                .endResources()
                .withNewSecurityContext()
                .withPrivileged(false)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
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
                egress(images),
                account, claim, cronJob);
    }

    /** DNS, and HTTPS (or the registry's own port) to the registries and Trivy's database, which live outside. */
    private HasMetadata egress(List<String> images) {
        Network.Peer dns = platform.network().dns();
        TreeSet<Integer> ports = new TreeSet<>(List.of(443));
        for (String image : images) {
            String registry = Admission.registry(image);
            int colon = registry.lastIndexOf(':');
            if (colon > 0) {
                ports.add(Integer.parseInt(registry.substring(colon + 1)));
            }
        }
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
                .withEgress(toDns, toRegistries)
                .endSpec()
                .build();
    }
}
