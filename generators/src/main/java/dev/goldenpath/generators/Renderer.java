package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Exemption;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.namespace.Namespaces;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.generators.workload.Workloads;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

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

    private Renderer() {
    }

    /** The renderer with every secure default on. */
    public static Renderer secureByDefault() {
        return new Renderer();
    }

    /** Renders the platform. */
    public Rendering render(Platform platform) {
        List<Placed> placed = new ArrayList<>();
        List<RenderReport.Entry> report = new ArrayList<>();
        for (AppInstance instance : platform.instances()) {
            String folder = "apps/" + instance.environment().name() + "/" + instance.name();
            for (HasMetadata object : Workloads.render(platform, instance, false)) {
                placed.add(new Placed(folder, object));
            }
            for (Exemption exemption : instance.app().exemptions()) {
                report.add(new RenderReport.Entry(instance.environment().name(), instance.namespace(), instance.name(),
                        exemption.weakening().name(), exemption.weakening().ruleIds(), exemption.reason()));
            }
        }
        for (Environment environment : platform.environments()) {
            SortedMap<String, List<AppInstance>> namespaces = platform.namespaces(environment);
            for (Map.Entry<String, List<AppInstance>> namespace : namespaces.entrySet()) {
                String folder = "platform/" + environment.name() + "/namespaces/" + namespace.getKey();
                placed.add(new Placed(folder, Namespaces.namespace(platform, environment, namespace.getKey(), namespace.getValue())));
            }
        }
        RenderReport renderReport = new RenderReport(report);
        Serialized serialized = serialize(placed);
        RenderedTree tree = serialized.tree().plus(RenderedTree.builder()
                .add("docs/exemptions.md", renderReport.toMarkdown())
                .build());
        return new Rendering(tree, renderReport, serialized.objects(), platform.instances().size());
    }

    /** An object and the folder it is rendered into. */
    record Placed(String folder, HasMetadata object) {
        String fileName() {
            String kind = object.getKind().toLowerCase(Locale.ROOT);
            String folderName = folder.substring(folder.lastIndexOf('/') + 1);
            String name = object.getMetadata().getName();
            return (name.equals(folderName) ? kind : kind + "-" + name) + ".yaml";
        }
    }

    record Serialized(RenderedTree tree, List<ObjectNode> objects) {
    }

    private static Serialized serialize(List<Placed> placed) {
        List<ObjectNode> trees = placed.parallelStream().map(p -> Yaml.toTree(p.object())).toList();
        List<byte[]> documents = trees.parallelStream().map(Yaml::write).toList();
        RenderedTree.Builder tree = RenderedTree.builder();
        Kustomizations kustomizations = new Kustomizations();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            String path = p.folder() + "/" + p.fileName();
            tree.add(path, documents.get(i));
            kustomizations.add(p.folder(), p.fileName());
        }
        kustomizations.addTo(tree);
        return new Serialized(tree.build(), trees);
    }
}
