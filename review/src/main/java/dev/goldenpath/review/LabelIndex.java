package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.reachability.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods indexed by namespace and by each label, so that the pods a selector may match are found without looking at
 * every pod. Lookups over-approximate: only {@code matchLabels} narrow the result ({@code matchExpressions} are left
 * to the evaluator, which decides every candidate exactly). A superset of candidates keeps the graph exact.
 */
final class LabelIndex {

    private final Map<String, List<Pod>> byNamespace = new HashMap<>();
    private final Map<String, List<Pod>> byLabel = new HashMap<>();
    private final Map<String, Map<String, String>> namespaceLabels;
    private final Map<String, List<String>> namespacesByLabel = new HashMap<>();

    LabelIndex(Collection<Pod> pods, Map<String, Map<String, String>> namespaceLabels) {
        this.namespaceLabels = namespaceLabels;
        namespaceLabels.forEach((namespace, labels) -> labels.forEach((key, value) ->
                namespacesByLabel.computeIfAbsent(labelKey("", key, value), k -> new ArrayList<>()).add(namespace)));
        for (Pod pod : pods) {
            byNamespace.computeIfAbsent(pod.namespace(), key -> new ArrayList<>()).add(pod);
            pod.labels().forEach((key, value) ->
                    byLabel.computeIfAbsent(labelKey(pod.namespace(), key, value), k -> new ArrayList<>()).add(pod));
        }
    }

    /** Pods of {@code namespace} that a pod selector (absent: every pod) may select. */
    List<Pod> podsIn(String namespace, JsonNode podSelector) {
        List<Pod> smallest = byNamespace.getOrDefault(namespace, List.of());
        JsonNode matchLabels = podSelector == null ? null : podSelector.path("matchLabels");
        if (matchLabels != null && matchLabels.isObject()) {
            var fields = matchLabels.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                List<Pod> posting = byLabel.getOrDefault(labelKey(namespace, entry.getKey(), entry.getValue().asText()), List.of());
                if (posting.size() < smallest.size()) {
                    smallest = posting;
                }
            }
        }
        return smallest;
    }

    /**
     * Pods a NetworkPolicy peer may match: {@code namespaceSelector} absent means the policy's own namespace,
     * as Kubernetes defines it.
     */
    List<Pod> peerPods(String policyNamespace, JsonNode peer) {
        JsonNode namespaceSelector = peer.get("namespaceSelector");
        JsonNode podSelector = peer.get("podSelector");
        if (namespaceSelector == null || namespaceSelector.isNull()) {
            return podsIn(policyNamespace, podSelector);
        }
        Map<String, String> wanted = Manifest.strings(namespaceSelector.path("matchLabels"));
        Collection<String> namespaces = namespaceLabels.keySet();
        for (Map.Entry<String, String> label : wanted.entrySet()) {
            List<String> posting = namespacesByLabel.getOrDefault(labelKey("", label.getKey(), label.getValue()), List.of());
            if (posting.size() < namespaces.size()) {
                namespaces = posting;
            }
        }
        List<Pod> pods = new ArrayList<>();
        for (String namespace : namespaces) {
            if (namespaceLabels.get(namespace).entrySet().containsAll(wanted.entrySet())) {
                pods.addAll(podsIn(namespace, podSelector));
            }
        }
        return pods;
    }

    private static String labelKey(String namespace, String key, String value) {
        return namespace + '\u0000' + key + '\u0000' + value;
    }
}
