package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Kubernetes object of a tree, as its YAML says it, with the file it came from and the environment that file
 * belongs to ({@code apps/<environment>/..}, {@code platform/<environment>/..}, {@code argocd/<environment>/..}; the
 * empty string for any other layout).
 */
record Manifest(String environment, String path, String apiVersion, String kind, String namespace, String name,
                JsonNode body) {

    /** The API group: the part of {@code apiVersion} before '/', empty for the core group. */
    String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code Kind namespace/name}, or {@code Kind name} for a cluster-scoped object. */
    String id() {
        return kind + " " + qualifiedName();
    }

    /** {@code namespace/name}, or {@code name} for a cluster-scoped object. */
    String qualifiedName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** What identifies the object across two trees, whichever file holds it: environment, group, kind, namespace, name. */
    String key() {
        return environment + "|" + group() + "|" + kind + "|" + namespace + "|" + name;
    }

    Map<String, String> labels() {
        return strings(body.path("metadata").path("labels"));
    }

    Map<String, String> annotations() {
        return strings(body.path("metadata").path("annotations"));
    }

    /** A string-to-string map (labels, annotations) in key order; non-scalar values are left out. */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return map;
    }
}
