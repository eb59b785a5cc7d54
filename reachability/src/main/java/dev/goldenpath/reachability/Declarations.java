package dev.goldenpath.reachability;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link Reachability.Builder} collected, validated all at once: namespaces with their labels (plus
 * {@value Reachability#NAMESPACE_NAME_LABEL}, as the API server sets it), endpoints by id, and the compiled policies
 * sorted by namespace and name.
 */
record Declarations(SortedMap<String, Map<String, String>> namespaces, SortedMap<String, Endpoint> endpoints,
                    List<CompiledPolicy> policies) {

    /**
     * @throws ReachabilityException listing every problem: duplicate or undeclared namespaces, duplicate endpoint
     *                               ids, and every invalid policy field
     */
    static Declarations validate(List<Map.Entry<String, Map<String, String>>> namespaces, List<Endpoint> endpoints,
                                 List<NetworkPolicy> policies) {
        List<String> problems = new ArrayList<>();
        SortedMap<String, Map<String, String>> namespaceLabels = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> namespace : namespaces) {
            String name = namespace.getKey();
            if (name.isBlank()) {
                problems.add("namespace: a name is required");
                continue;
            }
            Map<String, String> labels = new TreeMap<>(namespace.getValue());
            labels.put(Reachability.NAMESPACE_NAME_LABEL, name);
            if (namespaceLabels.put(name, Collections.unmodifiableMap(labels)) != null) {
                problems.add("namespace " + name + ": declared twice");
            }
        }
        SortedMap<String, Endpoint> endpointsById = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint instanceof Pod pod && !namespaceLabels.containsKey(pod.namespace())) {
                problems.add("pod " + pod.id() + ": namespace '" + pod.namespace() + "' is not declared");
            }
            if (endpointsById.putIfAbsent(endpoint.id(), endpoint) != null) {
                problems.add((endpoint instanceof Pod ? "pod " : "external ") + endpoint.id() + ": declared twice");
            }
        }
        List<CompiledPolicy> compiled = new ArrayList<>();
        Set<String> policyIds = new LinkedHashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            CompiledPolicy policy = CompiledPolicy.compile(policies.get(i), i, problems);
            if (policy == null) {
                continue;
            }
            if (!namespaceLabels.containsKey(policy.namespace())) {
                problems.add("networkpolicy " + policy.id() + ": namespace '" + policy.namespace() + "' is not declared");
            }
            if (!policyIds.add(policy.id())) {
                problems.add("networkpolicy " + policy.id() + ": declared twice");
            }
            compiled.add(policy);
        }
        if (!problems.isEmpty()) {
            throw new ReachabilityException(problems);
        }
        compiled.sort(Comparator.comparing(CompiledPolicy::namespace).thenComparing(CompiledPolicy::name));
        return new Declarations(namespaceLabels, endpointsById, compiled);
    }
}
