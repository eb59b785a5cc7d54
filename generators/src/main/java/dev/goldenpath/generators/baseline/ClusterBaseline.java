package dev.goldenpath.generators.baseline;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Baseline;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.resolved.Manifests.Manifest;
import dev.goldenpath.generators.resolved.ResolvedPlatform;
import dev.goldenpath.generators.mesh.MeshPolicies;
import dev.goldenpath.generators.namespace.Namespaces;
import dev.goldenpath.tree.TreeLayout;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The cluster baseline of one environment, from the platform's {@link Baseline} settings and its apps' runtime
 * profiles, placed under {@code platform/<environment>/<component>/}:
 *
 * <ul>
 *   <li>{@code gatekeeper/}: the K8sRequiredLabels ConstraintTemplate and a constraint requiring {@code owner},
 *       {@code environment} and {@code app} on the workloads and namespaces of the platform;</li>
 *   <li>{@code kyverno/}: ClusterPolicies validating Pod Security Standards per namespace level and adding a
 *       secure default security context where a pod sets none;</li>
 *   <li>{@code sigstore/}: a ClusterImagePolicy requiring signatures on the platform's registries (when set);</li>
 *   <li>{@code istio/}: mesh-wide STRICT mutual TLS in the mesh root namespace (when the mesh is on);</li>
 *   <li>{@code falco/}: Falco as a DaemonSet, its namespace and the rules generated from the runtime profiles;</li>
 *   <li>{@code trivy/}: a CronJob scanning every image of the environment, reports kept on a volume.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Manifest> baseline = ClusterBaseline.render(platform, ResolvedPlatform.of(platform).environments().get(0));
 * }</pre>
 */
public final class ClusterBaseline {

    /** The owner label of the baseline's objects: the platform team, not an app team. */
    public static final String OWNER = "platform";

    private ClusterBaseline() {
    }

    /** Every baseline object of the environment, in a stable order. */
    public static List<Manifest> render(Platform platform, ResolvedPlatform.Environment resolved) {
        Environment environment = resolved.environment();
        List<AppInstance> here = resolved.instances();
        Baseline baseline = platform.baseline();
        List<Manifest> objects = new ArrayList<>();
        // Namespaces the baseline itself runs workloads in, with their Pod Security level.
        SortedMap<String, PodSecurityLevel> ownNamespaces = new TreeMap<>();
        if (baseline.falco().enabled()) {
            ownNamespaces.put(FalcoDeployment.NAMESPACE, PodSecurityLevel.PRIVILEGED);
        }
        if (baseline.trivy().enabled()) {
            ownNamespaces.put(TrivyScan.NAMESPACE, PodSecurityLevel.RESTRICTED);
        }
        Admission admission = new Admission(platform, environment, baseline.mode(environment));
        if (baseline.gatekeeper()) {
            List<String> all = new ArrayList<>(resolved.namespaces().keySet());
            all.addAll(ownNamespaces.keySet());
            admission.requiredLabels(all.stream().sorted().toList())
                    .forEach(o -> objects.add(in(environment, "gatekeeper", o)));
        }
        if (baseline.kyverno()) {
            SortedMap<String, PodSecurityLevel> levels = new TreeMap<>(ownNamespaces);
            resolved.namespaces().forEach((name, namespace) -> levels.put(name, namespace.level()));
            admission.kyverno(levels).forEach(o -> objects.add(in(environment, "kyverno", o)));
        }
        baseline.imageSignatures().ifPresent(signatures -> objects.add(in(environment, "sigstore",
                admission.signedImages(signatures, here))));
        if (platform.network().mesh()) {
            // Mesh-wide: a PeerAuthentication without selector in Istio's root namespace applies to every workload.
            objects.add(in(environment, "istio", MeshPolicies.strictMtls(platform, baseline.meshRootNamespace())));
        }
        if (baseline.falco().enabled()) {
            new FalcoDeployment(platform, environment).render(here)
                    .forEach(o -> objects.add(in(environment, "falco", o)));
        }
        if (baseline.trivy().enabled()) {
            new TrivyScan(platform, environment).render(here)
                    .forEach(o -> objects.add(in(environment, "trivy", o)));
        }
        return List.copyOf(objects);
    }

    private static Manifest in(Environment environment, String component, io.fabric8.kubernetes.api.model.HasMetadata object) {
        return new Manifest(TreeLayout.baselineFolder(environment.name(), component), object);
    }

    /** Labels of a baseline object: recommended labels plus the required owner, environment and app. */
    static Map<String, String> labels(Platform platform, Environment environment, String component) {
        Map<String, String> labels = LabelKeys.recommended(component, platform.name());
        labels.put(Labels.OWNER, OWNER);
        labels.put(Labels.ENVIRONMENT, environment.name());
        labels.put(Labels.APP, component);
        return labels;
    }

    static ObjectMeta metadata(Platform platform, Environment environment, String component, String name,
                               String namespace, Map<String, String> annotations) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(labels(platform, environment, component)).withAnnotations(new TreeMap<>(annotations)).build();
    }

    /**
     * A baseline namespace, labelled for Pod Security Admission like the app namespaces: enforce at the level its
     * workloads need (with the reason when below restricted), audit and warn at restricted.
     */
    static Namespace namespace(Platform platform, Environment environment, String name, PodSecurityLevel level,
                               String reason) {
        String version = environment.podSecurityVersion();
        Map<String, String> labels = new TreeMap<>(labels(platform, environment, name));
        labels.putAll(Namespaces.podSecurity(level, version));
        Map<String, String> annotations = new TreeMap<>();
        if (level != PodSecurityLevel.RESTRICTED) {
            annotations.put(Labels.WEAKENING_PREFIX + "namespace-pod-security", reason);
        }
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).withAnnotations(annotations)
                .endMetadata().build();
    }
}
