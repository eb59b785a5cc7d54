package dev.goldenpath.generators.extension;

import dev.goldenpath.generators.resolved.Manifests.Manifest;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Added objects must not take the place of another object: the same file in the tree, or the same object in the
 * cluster (API group, kind, namespace and name in one environment), where the later apply would silently replace
 * the earlier one.
 */
final class Clashes {

    private Clashes() {
    }

    /**
     * One problem per added object that clashes with a generated object or another added one.
     *
     * @param placed  every placed object of {@code apps/} and {@code platform/}
     * @param origins the added objects (by identity) and who added them
     */
    static List<String> of(List<Manifest> placed, Map<HasMetadata, String> origins) {
        List<String> problems = new ArrayList<>();
        if (origins.isEmpty()) {
            return problems;
        }
        Map<String, Manifest> byPath = new LinkedHashMap<>();
        Map<String, Manifest> byIdentity = new LinkedHashMap<>();
        for (Manifest manifest : placed) {
            Manifest samePath = byPath.putIfAbsent(manifest.path(), manifest);
            Manifest sameObject = byIdentity.putIfAbsent(identity(manifest), manifest);
            Manifest other = sameObject != null ? sameObject : samePath;
            if (other == null) {
                continue;
            }
            Manifest added = origins.containsKey(manifest.object()) ? manifest : other;
            Manifest first = added == manifest ? other : manifest;
            if (!origins.containsKey(added.object())) {
                continue; // two generated objects: the generators' own checks own that case
            }
            problems.add(added.folder() + ": " + origins.get(added.object()) + ": " + Placement.describe(added.object())
                    + " clashes with " + (origins.containsKey(first.object()) ? "the added " : "the generated ")
                    + Placement.describe(first.object()) + (sameObject != null ? " (same group, kind, namespace and name)"
                    : " (same file " + manifest.path() + ")") + " (fix: give it another name)");
        }
        return problems;
    }

    private static String identity(Manifest manifest) {
        HasMetadata object = manifest.object();
        String environment = TreeLayout.environment(manifest.folder()).orElse("");
        String apiVersion = object.getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return environment + "|" + group + "|" + object.getKind() + "|" + object.getMetadata().getNamespace() + "|"
                + object.getMetadata().getName();
    }
}
