package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One {@code kustomization.yaml} per rendered folder, listing its files; a folder whose subfolders hold
 * kustomizations lists those subfolders, so that {@code kubectl apply -k} works at every level of
 * {@code platform/<environment>/}.
 */
final class Kustomizations {

    private final Map<String, SortedSet<String>> resources = new TreeMap<>();

    void add(String folder, String fileName) {
        resources.computeIfAbsent(folder, f -> new TreeSet<>()).add(fileName);
        // Link platform/<env>/namespaces/<ns> into platform/<env>/namespaces and platform/<env>.
        if (folder.startsWith("platform/")) {
            String child = folder;
            int slash;
            while ((slash = child.lastIndexOf('/')) > "platform/".length() && child.chars().filter(c -> c == '/').count() > 1) {
                String parent = child.substring(0, slash);
                resources.computeIfAbsent(parent, f -> new TreeSet<>()).add(child.substring(slash + 1));
                child = parent;
            }
        }
    }

    void addTo(RenderedTree.Builder tree) {
        resources.forEach((folder, files) -> {
            ObjectNode kustomization = JsonNodeFactory.instance.objectNode();
            kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
            kustomization.put("kind", "Kustomization");
            files.forEach(kustomization.putArray("resources")::add);
            tree.add(folder + "/kustomization.yaml", Yaml.write(kustomization));
        });
    }
}
