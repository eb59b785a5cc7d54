package dev.goldenpath.generators.resolved;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every object a platform renders to, each placed in the folder it will be written to: the output of
 * generation and the input of serialization.
 *
 * @param resolved  the platform, resolved once: its instances, namespaces and declared graph per environment
 * @param objects   the placed objects, in a stable order
 * @param report    the declared weakenings
 * @param documents Markdown pages rendered with the tree (path to text), e.g. the network diagrams
 */
public record Manifests(ResolvedPlatform resolved, List<Manifest> objects, RenderReport report,
                        Map<String, String> documents) {

    public Manifests {
        Objects.requireNonNull(resolved, "resolved");
        objects = List.copyOf(objects);
        Objects.requireNonNull(report, "report");
        documents = Collections.unmodifiableSortedMap(new TreeMap<>(documents));
    }

    /** The platform they were generated from. */
    public Platform platform() {
        return resolved.platform();
    }

    /** How many app instances (apps times environments) they hold. */
    public int instances() {
        return resolved.instances().size();
    }

    /** The declared connection graph of each environment. */
    public Map<Environment, List<Edge>> edges() {
        Map<Environment, List<Edge>> edges = new LinkedHashMap<>();
        resolved.environments().forEach(e -> edges.put(e.environment(), e.edges()));
        return Collections.unmodifiableMap(edges);
    }

    /** The folder of one app in one environment: {@code apps/<environment>/<app>} ({@link TreeLayout#appFolder}). */
    public static String appFolder(AppInstance instance) {
        return ResolvedPlatform.folder(instance);
    }

    /**
     * One object and its folder in the rendered tree.
     *
     * @param folder e.g. {@code apps/production/frontend}
     * @param object the fabric8 object
     */
    public record Manifest(String folder, HasMetadata object) {

        public Manifest {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(object, "object");
        }

        /** The file an object of this kind and name is written to in this folder ({@link TreeLayout#file}). */
        public static String path(String folder, String kind, String name) {
            return TreeLayout.file(folder, kind, name);
        }

        /** The file's path in the tree. */
        public String path() {
            return TreeLayout.file(folder, object.getKind(), object.getMetadata().getName());
        }
    }
}
