package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One {@code kustomization.yaml} per rendered folder, listing its files; a folder whose subfolders hold
 * kustomizations lists those subfolders, so that {@code kubectl apply -k} works at every level of
 * {@code platform/<environment>/} ({@link TreeLayout#platformParents}).
 */
final class Kustomizations {

    private final Map<String, SortedSet<String>> resources = new TreeMap<>();

    /** Lists a rendered file in its folder's kustomization. */
    void add(String path) {
        String folder = TreeLayout.folderOf(path);
        resources.computeIfAbsent(folder, f -> new TreeSet<>()).add(path.substring(folder.length() + 1));
        String child = folder;
        for (String parent : TreeLayout.platformParents(folder)) {
            resources.computeIfAbsent(parent, f -> new TreeSet<>()).add(child.substring(parent.length() + 1));
            child = parent;
        }
    }

    void addTo(RenderedTree.Builder tree) {
        resources.forEach((folder, files) -> {
            ObjectNode kustomization = JsonNodeFactory.instance.objectNode();
            kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
            kustomization.put("kind", "Kustomization");
            files.forEach(kustomization.putArray("resources")::add);
            tree.addHandedOver(TreeLayout.kustomization(folder), Yaml.write(kustomization));
        });
    }
}
