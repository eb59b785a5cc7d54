package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cross-object rules need to know about the whole input, indexed once so every lookup is constant time
 * (the generators lint tens of thousands of objects per render).
 */
final class Inventory {

    final Map<String, KubeObject> namespaces = new LinkedHashMap<>();
    final Map<String, List<KubeObject>> networkPolicies = new HashMap<>();
    /** Pod-template-bearing objects by namespace, in input order. */
    final Map<String, List<KubeObject>> workloads = new LinkedHashMap<>();
    final Map<String, KubeObject> serviceAccounts = new HashMap<>();
    private final Set<String> boundServiceAccounts = new HashSet<>();
    private final Set<String> boundServiceAccountNames = new HashSet<>();

    Inventory(List<KubeObject> objects) {
        for (KubeObject object : objects) {
            switch (object.kind) {
                case "Namespace" -> namespaces.putIfAbsent(object.name, object);
                case "NetworkPolicy" ->
                        networkPolicies.computeIfAbsent(object.namespace, n -> new ArrayList<>()).add(object);
                case "ServiceAccount" -> serviceAccounts.putIfAbsent(object.namespace + "/" + object.name, object);
                case "RoleBinding", "ClusterRoleBinding" -> indexBinding(object);
                default -> {
                    if (object.pod != null) {
                        workloads.computeIfAbsent(object.namespace, n -> new ArrayList<>()).add(object);
                    }
                }
            }
        }
    }

    private void indexBinding(KubeObject binding) {
        for (JsonNode subject : binding.node.path("subjects")) {
            if ("ServiceAccount".equals(Json.text(subject.path("kind")))) {
                String namespace = Json.text(subject.path("namespace"));
                if (namespace.isEmpty()) {
                    namespace = binding.namespace;
                }
                String name = Json.text(subject.path("name"));
                boundServiceAccounts.add(namespace + "/" + name);
                boundServiceAccountNames.add(name);
            }
        }
    }

    /** The input manages networking when it holds at least one Namespace or NetworkPolicy. */
    boolean managesNetworking() {
        return !namespaces.isEmpty() || !networkPolicies.isEmpty();
    }

    List<KubeObject> networkPolicies(String namespace) {
        return networkPolicies.getOrDefault(namespace, List.of());
    }

    /**
     * Whether a RoleBinding or ClusterRoleBinding of the input grants this service account permissions. When either
     * side leaves the namespace unset (Helm output usually does), the name alone decides.
     */
    boolean bound(String namespace, String serviceAccount) {
        if (boundServiceAccounts.contains(namespace + "/" + serviceAccount)) {
            return true;
        }
        return boundServiceAccountNames.contains(serviceAccount)
                && (namespace.isEmpty() || boundServiceAccounts.contains("/" + serviceAccount));
    }
}
