package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Workload;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicyBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What only a stateful service has: its StatefulSet, with one PersistentVolumeClaim per pod and volume, and the headless
 * Service that names its pods ({@code <app>-0.<app>-headless.<namespace>.svc}). Its ClusterIP Service (what callers
 * use, as for an app), ServiceAccount and disruption budget are the ones {@link Workloads} renders for every kind.
 */
final class StatefulSets {

    /** Every volume is mounted read-write by one node at a time: what every storage class offers. */
    private static final String ACCESS_MODE = "ReadWriteOnce";

    private StatefulSets() {
    }

    /** The headless Service's name, which the StatefulSet's {@code serviceName} names. */
    static String headlessName(String app) {
        return app + "-headless";
    }

    /** The volumes of a stateful service (none for other kinds). */
    static List<Workload.VolumeClaim> volumes(App app) {
        return app.workload() instanceof Workload.StatefulService stateful ? stateful.volumes() : List.of();
    }

    /**
     * The claims' mounts in the main container: read-write (the root filesystem stays read-only), named after the
     * claim, as the StatefulSet controller names the pod's volume.
     */
    static List<VolumeMount> mounts(App app) {
        return volumes(app).stream().map(v -> new VolumeMountBuilder().withName(v.name()).withMountPath(v.mountPath())
                .build()).toList();
    }

    static StatefulSet statefulSet(Platform platform, AppInstance instance, Workload.StatefulService stateful,
                                   boolean token) {
        App app = instance.app();
        Map<String, String> versioned = Labels.versioned(platform, instance);
        Map<String, String> annotations = Labels.annotationsWithWeakenings(instance);
        StatefulSetSpec spec = new StatefulSetSpec();
        // A stateful service is never autoscaled (the DSL refuses it): the replica count is always stated.
        spec.setReplicas(instance.replicas());
        spec.setServiceName(headlessName(instance.name()));
        spec.setSelector(Workloads.selector(instance));
        spec.setPodManagementPolicy(stateful.podManagement().kubernetesName());
        // One pod at a time, highest ordinal first; a StatefulSet has no surge and no Recreate (the DSL refuses both).
        spec.setUpdateStrategy(new StatefulSetUpdateStrategyBuilder().withType("RollingUpdate").build());
        int minReady = app.availability().rollout().minReadySeconds();
        spec.setMinReadySeconds(minReady > 0 ? minReady : null);
        // Stated even at its default (Retain, Retain): whether data survives a deletion is read here, not looked up.
        spec.setPersistentVolumeClaimRetentionPolicy(new StatefulSetPersistentVolumeClaimRetentionPolicyBuilder()
                .withWhenDeleted(stateful.whenDeleted().kubernetesName())
                .withWhenScaled(stateful.whenScaled().kubernetesName())
                .build());
        spec.setVolumeClaimTemplates(stateful.volumes().stream().map(v -> claim(platform, instance, v))
                .collect(Collectors.toCollection(ArrayList::new))); // changeable by a platform generator
        spec.setTemplate(new PodTemplateSpec(
                new ObjectMetaBuilder().withLabels(versioned).withAnnotations(annotations).build(),
                Pods.spec(instance, token)));
        StatefulSet statefulSet = new StatefulSet();
        statefulSet.setMetadata(Workloads.metadata(platform, instance, versioned, annotations));
        statefulSet.setSpec(spec);
        // After the jobs the app runs before sync (Argo CD sync waves), like a Deployment.
        Jobs.waitForSyncJobs(instance, statefulSet.getMetadata());
        return statefulSet;
    }

    /**
     * A claim template. The API server refuses any change to a StatefulSet's claim templates, so they carry only labels
     * that never change for the app's life (goldenpath's own, without the version and without the app's own labels
     * and annotations): a release or a new label must not turn into a sync Argo CD cannot apply.
     */
    private static PersistentVolumeClaim claim(Platform platform, AppInstance instance, Workload.VolumeClaim volume) {
        Map<String, String> labels = new TreeMap<>(LabelKeys.recommended(instance.name(), platform.name()));
        labels.put(Labels.OWNER, instance.team().name());
        labels.put(Labels.ENVIRONMENT, instance.environment().name());
        labels.put(Labels.APP, instance.name());
        // With apiVersion and kind (fabric8 sets both), as the API server returns the template: without them Argo CD
        // reports the StatefulSet OutOfSync for ever (argo-cd issues 11143, 16707).
        return new PersistentVolumeClaimBuilder()
                .withApiVersion("v1").withKind("PersistentVolumeClaim")
                .withNewMetadata().withName(volume.name()).withLabels(labels).endMetadata()
                .withNewSpec()
                .withAccessModes(ACCESS_MODE)
                // No storageClassName: the cluster's default class (an empty string would mean "no class").
                .withStorageClassName(volume.storageClass().orElse(null))
                .withNewResources().withRequests(Map.of("storage", new Quantity(volume.size()))).endResources()
                .endSpec()
                .build();
    }

    /**
     * The headless Service that gives each pod a stable DNS name. It publishes pods before they are ready only when the
     * service declares peers: a clustered database's members must find each other to become ready at all, while a
     * client that addresses one pod by name should reach it only when it is ready.
     */
    static Service headlessService(Platform platform, AppInstance instance, Workload.StatefulService stateful) {
        App app = instance.app();
        return new ServiceBuilder()
                .withMetadata(Workloads.metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)))
                .editMetadata().withName(headlessName(instance.name())).endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                // Headless: DNS answers with the pods' addresses, no virtual IP (K8s docs "Headless Services").
                .withClusterIP("None")
                .withPublishNotReadyAddresses(stateful.peerPorts().isEmpty() ? null : true)
                .withSelector(Labels.selector(instance))
                .withPorts(Workloads.servicePorts(app))
                .endSpec()
                .build();
    }
}
