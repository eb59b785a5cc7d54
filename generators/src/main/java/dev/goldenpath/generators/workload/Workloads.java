package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.DisruptionBudget;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Rollout;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.dsl.Workload;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.metadata.Models;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        // The objects every app instance gets are made directly, not with fabric8's builders (which copy every nested
        // object twice): fresh objects and mutable collections of their own, as the builders made them (issue 18).
        ServiceAccount account = new ServiceAccount();
        account.setMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)));
        // CIS 5.1.6: mount service-account tokens only where the API is really used.
        account.setAutomountServiceAccountToken(token);
        objects.add(account);
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
            ServiceSpec spec = new ServiceSpec();
            // ClusterIP only: exposure beyond the cluster goes through an ingress controller, never NodePort.
            spec.setType("ClusterIP");
            spec.setSelector(Models.map(Labels.selector(instance)));
            spec.setPorts(servicePorts(app));
            Service service = new Service();
            service.setMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)));
            service.setSpec(spec);
            objects.add(service);
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
        spec.setTemplate(new PodTemplateSpec(Models.meta(null, null, versioned, annotations), Pods.spec(instance, token)));
        Deployment deployment = new Deployment();
        deployment.setMetadata(metadata(platform, instance, versioned, annotations));
        Jobs.waitForSyncJobs(instance, deployment.getMetadata());
        deployment.setSpec(spec);
        return deployment;
    }

    private static DeploymentStrategy strategy(Rollout rollout) {
        DeploymentStrategy strategy = new DeploymentStrategy();
        if (rollout.recreate()) {
            strategy.setType("Recreate");
            return strategy;
        }
        strategy.setType("RollingUpdate");
        strategy.setRollingUpdate(new RollingUpdateDeployment(intOrPercent(rollout.maxSurge()),
                intOrPercent(rollout.maxUnavailable())));
        return strategy;
    }

    private static HasMetadata disruptionBudget(Platform platform, AppInstance instance) {
        DisruptionBudget budget = instance.app().availability().disruptionBudget();
        PodDisruptionBudgetSpec spec = new PodDisruptionBudgetSpec();
        spec.setSelector(selector(instance));
        spec.setMinAvailable(budget.minAvailable() ? intOrPercent(budget.amount()) : null);
        spec.setMaxUnavailable(budget.minAvailable() ? null : intOrPercent(budget.amount()));
        // Crash-looping pods must not block node drains (Kubernetes docs, "Unhealthy Pod Eviction Policy").
        spec.setUnhealthyPodEvictionPolicy("AlwaysAllow");
        PodDisruptionBudget pdb = new PodDisruptionBudget();
        pdb.setMetadata(metadata(platform, instance, Labels.of(platform, instance), Labels.annotations(instance)));
        pdb.setSpec(spec);
        return pdb;
    }

    static ObjectMeta metadata(Platform platform, AppInstance instance, Map<String, String> labels,
                               Map<String, String> annotations) {
        return Models.meta(instance.name(), instance.namespace(), labels, annotations);
    }

    /** The Service ports of every port of the pod (the main container's and its sidecars'), targeted by name. */
    static List<ServicePort> servicePorts(App app) {
        List<ServicePort> ports = new ArrayList<>();
        for (Port p : app.ports()) {
            ServicePort port = new ServicePort();
            port.setName(p.name());
            port.setPort(p.number());
            port.setTargetPort(new IntOrString(p.name()));
            port.setProtocol(p.protocol().name());
            ports.add(port);
        }
        return ports;
    }

    static LabelSelector selector(AppInstance instance) {
        return Models.matchLabels(Labels.selector(instance));
    }

    private static IntOrString intOrPercent(String value) {
        return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
    }


}
