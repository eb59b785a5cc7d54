package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds containers in objects of kinds the linter does not know to carry a pod template (an Argo Workflow's
 * {@code spec.templates[].container}, a Tekton Task's steps under {@code containers}, ...), so the report can say
 * that they were not checked instead of passing them in silence.
 */
final class UncheckedContainers {

    /** Deeper fields are not searched: a bound on the work per object. */
    private static final int MAX_DEPTH = 12;

    private UncheckedContainers() {
    }

    /** The path of the first container-like field below the object, or an empty string. */
    static String find(KubeObject object) {
        JsonNode spec = object.node.path("spec");
        // Searched without paths first: almost every object holds none, and a path per field cost more than the search.
        return holds(spec, 0) ? find(spec, object.at("spec"), 0) : "";
    }

    /** Whether {@link #find(JsonNode, String, int)} finds something below the node: the same walk, without paths. */
    static boolean holds(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (holds(node.get(i), depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (!(node instanceof ObjectNode object)) {
            return false;
        }
        // forEachEntry visits the fields without an entry object each; it cannot stop early, but a find is rare and
        // the fields after it are then passed over.
        boolean[] found = {false};
        object.forEachEntry((key, value) -> {
            if (!found[0] && value.isContainerNode() && (containers(key, value) || holds(value, depth + 1))) {
                found[0] = true;
            }
        });
        return found[0];
    }

    static String find(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return "";
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), FieldPaths.index(path, i), depth + 1);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isContainerNode()) {
                continue; // a scalar holds no containers, and is no "containers" list itself
            }
            String child = FieldPaths.child(path, field.getKey());
            if (containers(field.getKey(), field.getValue())) {
                return child;
            }
            String found = find(field.getValue(), child, depth + 1);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return "";
    }

    /** {@code containers: [{image: ...}]}, {@code initContainers: [...]} or {@code container: {image: ...}}. */
    private static boolean containers(String key, JsonNode value) {
        if (key.equals("container")) {
            return value.path("image").isTextual();
        }
        if (key.equals("containers") || key.equals("initContainers")) {
            for (JsonNode item : value) {
                if (item.path("image").isTextual()) {
                    return true;
                }
            }
        }
        return false;
    }
}
