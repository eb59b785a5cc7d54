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
import dev.goldenpath.dsl.Workload;
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
import io.fabric8.kubernetes.api.model.ServicePort;
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
 * The objects that run one app in one environment: ServiceAccount, Deployment, Service, and when they
 * apply a PodDisruptionBudget and a HorizontalPodAutoscaler.
 */
public final class Workloads {

    private Workloads() {
    }

    /**
     * Renders the app's workload objects.
     *
     * @param apiAccess whether the app needs its service-account token (it declares API permissions)
     */
    public static List<HasMetadata> render(Platform platform, AppInstance instance, boolean apiAccess) {
        List<HasMetadata> objects = new ArrayList<>();
        App app = instance.app();
        boolean token = apiAccess || app.weakens(Weakening.SERVICE_ACCOUNT_TOKEN);
        objects.add(new ServiceAccountBuilder()
                .withMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)))
                // CIS 5.1.6: mount service-account tokens only where the API is really used.
                .withAutomountServiceAccountToken(token)
                .build());
        if (app.workload() instanceof Workload.ScheduledJob schedule) {
            // A CronJob and nothing else: no Service (no ports), no replicas, so no disruption budget or autoscaler.
            objects.add(Jobs.cronJob(platform, instance, schedule, token));
            objects.addAll(Jobs.beforeSync(platform, instance, token));
            return objects;
        }
        Workload.StatefulService stateful = app.workload() instanceof Workload.StatefulService s ? s : null;
        objects.add(stateful != null ? StatefulSets.statefulSet(platform, instance, stateful, token)
                : deployment(platform, instance, token));
        if (stateful != null) {
            objects.add(StatefulSets.headlessService(platform, instance, stateful));
        }
        if (!app.ports().isEmpty()) {
            objects.add(new ServiceBuilder()
                    .withMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)))
                    .withNewSpec()
                    // ClusterIP only: exposure beyond the cluster goes through an ingress controller, never NodePort.
                    .withType("ClusterIP")
                    .withSelector(Labels.selector(instance))
                    .withPorts(servicePorts(app))
                    .endSpec()
                    .build());
        }
        if (instance.minimumReplicas() > 1) {
            objects.add(disruptionBudget(platform, instance));
        }
        app.availability().autoscaling().ifPresent(scaling -> objects.add(new HorizontalPodAutoscalerBuilder()
                .withMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)))
                .withNewSpec()
                .withNewScaleTargetRef("apps/v1", "Deployment", instance.name())
                .withMinReplicas(scaling.minReplicas())
                .withMaxReplicas(scaling.maxReplicas())
                .withMetrics(new MetricSpecBuilder()
                        .withType("Resource")
                        .withNewResource()
                        .withName("cpu")
                        .withNewTarget().withType("Utilization").withAverageUtilization(scaling.cpuUtilizationPercent()).endTarget()
                        .endResource()
                        .build())
                .endSpec()
                .build()));
        objects.addAll(Jobs.beforeSync(platform, instance, token));
        return objects;
    }

    private static HasMetadata deployment(Platform platform, AppInstance instance, boolean token) {
        App app = instance.app();
        Map<String, String> versioned = Labels.versioned(platform, instance);
        Map<String, String> annotations = Labels.annotationsWithWeakenings(instance);
        // Assembled with setters, not nested builders: every builder level copies the pod spec again, and the
        // Deployment is the largest object of every app (issue 18: render time at thousands of apps).
        DeploymentSpec spec = new DeploymentSpec();
        // An autoscaled Deployment states no replica count, so a GitOps sync never resets the autoscaler.
        spec.setReplicas(app.availability().autoscaling().isPresent() ? null : instance.replicas());
        spec.setSelector(selector(instance));
        spec.setStrategy(strategy(app.availability().rollout()));
        spec.setMinReadySeconds(app.availability().rollout().minReadySeconds() > 0 ? app.availability().rollout().minReadySeconds() : null);
        spec.setTemplate(new PodTemplateSpec(
                new ObjectMetaBuilder().withLabels(versioned).withAnnotations(annotations).build(),
                Pods.spec(instance, token)));
        Deployment deployment = new Deployment();
        deployment.setMetadata(metadata(platform, instance, versioned, annotations));
        Jobs.waitForSyncJobs(instance, deployment.getMetadata());
        deployment.setSpec(spec);
        return deployment;
    }

    private static DeploymentStrategy strategy(Rollout rollout) {
        if (rollout.recreate()) {
            return new DeploymentStrategyBuilder().withType("Recreate").build();
        }
        return new DeploymentStrategyBuilder().withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxSurge(intOrPercent(rollout.maxSurge()))
                .withMaxUnavailable(intOrPercent(rollout.maxUnavailable()))
                .endRollingUpdate()
                .build();
    }

    private static HasMetadata disruptionBudget(Platform platform, AppInstance instance) {
        DisruptionBudget budget = instance.app().availability().disruptionBudget();
        return new PodDisruptionBudgetBuilder()
                .withMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)))
                .withNewSpec()
                .withSelector(selector(instance))
                .withMinAvailable(budget.minAvailable() ? intOrPercent(budget.amount()) : null)
                .withMaxUnavailable(budget.minAvailable() ? null : intOrPercent(budget.amount()))
                // Crash-looping pods must not block node drains (Kubernetes docs, "Unhealthy Pod Eviction Policy").
                .withUnhealthyPodEvictionPolicy("AlwaysAllow")
                .endSpec()
                .build();
    }

    static ObjectMeta metadata(Platform platform, AppInstance instance, Map<String, String> labels,
                               Map<String, String> annotations) {
        return new ObjectMetaBuilder()
                .withName(instance.name())
                .withNamespace(instance.namespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .build();
    }

    /** The Service ports of every port of the pod (the main container's and its sidecars'), targeted by name. */
    static List<ServicePort> servicePorts(App app) {
        return app.ports().stream().map(p -> new ServicePortBuilder()
                .withName(p.name())
                .withPort(p.number())
                .withTargetPort(new IntOrString(p.name()))
                .withProtocol(p.protocol().name())
                .build()).toList();
    }

    static LabelSelector selector(AppInstance instance) {
        return new LabelSelectorBuilder().withMatchLabels(Labels.selector(instance)).build();
    }

    private static IntOrString intOrPercent(String value) {
        return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
    }


}
