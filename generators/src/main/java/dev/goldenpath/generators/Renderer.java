package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Exemption;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Manifests.Manifest;
import dev.goldenpath.generators.namespace.Namespaces;
import dev.goldenpath.generators.network.Connections;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.network.MermaidDiagram;
import dev.goldenpath.generators.network.NetworkPolicies;
import dev.goldenpath.generators.rbac.Roles;
import dev.goldenpath.generators.policy.PolicyCheck;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.generators.workload.Workloads;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders a validated {@link Platform} into a {@link RenderedTree}: one folder per app and environment
 * ({@code apps/<environment>/<app>/}), the namespaces per environment ({@code platform/<environment>/}),
 * one YAML document per object and a {@code kustomization.yaml} per folder, so {@code kubectl apply -k}
 * works on any folder. The same platform always renders byte-identical trees.
 *
 * <pre>{@code
 * Rendering rendering = Renderer.secureByDefault().render(platform);
 * rendering.tree().writeTo(Path.of("target/gitops"));
 * }</pre>
 */
public final class Renderer {

    private final PolicyCheck policy;

    private Renderer(PolicyCheck policy) {
        this.policy = policy;
    }

    /** The renderer with every secure default on, checked by the platform's default lint rules. */
    public static Renderer secureByDefault() {
        return new Renderer(PolicyCheck.defaults());
    }

    /** Generates and serializes the platform: {@code serialize(generate(platform))}. */
    public Rendering render(Platform platform) {
        return serialize(generate(platform));
    }

    /** Generates every Kubernetes object of the platform, each placed in its folder. */
    public Manifests generate(Platform platform) {
        List<AppInstance> instances = platform.instances();
        // Instances are independent: generate them in parallel, then keep the instances' order.
        Map<Environment, List<Edge>> edges = new java.util.LinkedHashMap<>();
        for (Environment environment : platform.environments()) {
            edges.put(environment, Connections.of(platform, environment, instances));
        }
        List<List<HasMetadata>> perInstance = instances.parallelStream()
                .map(instance -> {
                    List<HasMetadata> objects = new ArrayList<>(
                            Workloads.render(platform, instance, !instance.app().permissions().isEmpty()));
                    objects.add(NetworkPolicies.forApp(platform, instance, edges.get(instance.environment())));
                    objects.addAll(Roles.render(platform, instance));
                    return objects;
                })
                .toList();
        List<Manifest> objects = new ArrayList<>();
        List<RenderReport.Entry> report = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            AppInstance instance = instances.get(i);
            String folder = "apps/" + instance.environment().name() + "/" + instance.name();
            for (HasMetadata object : perInstance.get(i)) {
                objects.add(new Manifest(folder, object));
            }
            for (Exemption exemption : instance.app().exemptions()) {
                report.add(new RenderReport.Entry(instance.environment().name(), instance.namespace(), instance.name(),
                        exemption.weakening().name(), exemption.weakening().ruleIds(), exemption.reason()));
            }
        }
        for (Environment environment : platform.environments()) {
            SortedMap<String, List<AppInstance>> namespaces = new TreeMap<>();
            for (AppInstance instance : instances) {
                if (instance.environment().equals(environment)) {
                    namespaces.computeIfAbsent(instance.namespace(), n -> new ArrayList<>()).add(instance);
                }
            }
            for (Map.Entry<String, List<AppInstance>> namespace : namespaces.entrySet()) {
                String folder = "platform/" + environment.name() + "/namespaces/" + namespace.getKey();
                objects.add(new Manifest(folder, Namespaces.namespace(platform, environment, namespace.getKey(), namespace.getValue())));
                objects.add(new Manifest(folder, NetworkPolicies.defaultDeny(platform, namespace.getKey())));
            }
        }
        Map<String, String> documents = new TreeMap<>();
        edges.forEach((environment, environmentEdges) -> documents.put("docs/network/" + environment.name() + ".md",
                MermaidDiagram.markdown(environment.name(), environmentEdges)));
        return new Manifests(platform, instances.size(), objects, new RenderReport(report), edges, documents);
    }

    /**
     * Serializes generated objects into the tree: one YAML document per file, plus kustomizations and the report.
     *
     * @throws dev.goldenpath.generators.policy.PolicyViolationException when an object breaks a policy rule
     *         without a declared exception
     */
    public Rendering serialize(Manifests manifests) {
        List<Manifest> placed = manifests.objects();
        List<ObjectNode> trees = placed.parallelStream().map(p -> Yaml.toTree(p.object())).toList();
        // The policy check runs on exactly what is written, before anything is written.
        LintReport lint = policy.check(placed.stream().map(Manifest::path).toList(), trees);
        List<byte[]> documents = trees.parallelStream().map(Yaml::write).toList();
        RenderedTree.Builder tree = RenderedTree.builder();
        Kustomizations kustomizations = new Kustomizations();
        for (int i = 0; i < placed.size(); i++) {
            Manifest manifest = placed.get(i);
            tree.add(manifest.path(), documents.get(i));
            kustomizations.add(manifest.folder(), manifest.fileName());
        }
        kustomizations.addTo(tree);
        tree.add("docs/exemptions.md", manifests.report().toMarkdown());
        manifests.documents().forEach(tree::add);
        return new Rendering(tree.build(), manifests.report(), lint, trees, manifests.instances());
    }
}
