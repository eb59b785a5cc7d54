package dev.goldenpath.generators;

import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.report.RenderReport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every object a platform renders to, each placed in the folder it will be written to: the output of
 * generation and the input of serialization.
 *
 * @param platform the platform they were generated from
 * @param instances how many app instances (apps times environments) they hold
 * @param objects  the placed objects, in a stable order
 * @param report   the declared weakenings
 * @param edges    the declared connection graph of each environment
 * @param documents Markdown pages rendered with the tree (path to text), e.g. the network diagrams
 */
public record Manifests(Platform platform, int instances, List<Manifest> objects, RenderReport report,
                        Map<Environment, List<Edge>> edges, Map<String, String> documents) {

    public Manifests {
        Objects.requireNonNull(platform, "platform");
        objects = List.copyOf(objects);
        Objects.requireNonNull(report, "report");
        edges = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(edges));
        documents = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(documents));
    }

    /** The folder of one app in one environment: {@code apps/<environment>/<app>}, the tree layout's one rule for it. */
    public static String appFolder(dev.goldenpath.dsl.AppInstance instance) {
        return "apps/" + instance.environment().name() + "/" + instance.name();
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

        /** {@code <kind>.yaml} when the object is named after its folder, else {@code <kind>-<name>.yaml}. */
        public String fileName() {
            return fileName(folder, object.getKind(), object.getMetadata().getName());
        }

        /** The file an object of this kind and name is written to in this folder. */
        public static String path(String folder, String kind, String name) {
            return folder + "/" + fileName(folder, kind, name);
        }

        private static String fileName(String folder, String kind, String name) {
            String folderName = folder.substring(folder.lastIndexOf('/') + 1);
            String lowerKind = kind.toLowerCase(Locale.ROOT);
            return (name.equals(folderName) ? lowerKind : lowerKind + "-" + name) + ".yaml";
        }

        /** The file's path in the tree. */
        public String path() {
            return folder + "/" + fileName();
        }
    }
}
