package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cross-object rules need to know about the whole input, gathered object by object as the linter streams
 * through it and indexed so every lookup is constant time (the generators lint tens of thousands of objects per
 * render). Only compact facts are kept (names, selectors, labels, sites), never an object's tree: memory grows with
 * the number of objects, not with their size.
 */
final class Inventory {

    /** Namespace objects by name, in input order, with where default-deny findings about them go. */
    final Map<String, Site> namespaces = new LinkedHashMap<>();
    final Map<String, List<Network.Policy>> networkPolicies = new HashMap<>();
    /** Pod-template-bearing objects by namespace, in input order. */
    final Map<String, List<Network.Workload>> workloads = new LinkedHashMap<>();
    /** Pods that mount a service account token unless the account or a binding says otherwise, in input order. */
    final List<TokenMounts.Mount> tokenMounts = new ArrayList<>();
    /** Whether each service account (namespace/name) turns token mounting off; the first object of a name wins. */
    private final Map<String, Boolean> serviceAccountsOff = new HashMap<>();
    private final Set<String> boundServiceAccounts = new HashSet<>();
    private final Set<String> boundServiceAccountNames = new HashSet<>();
    private final Reporter reporter;

    Inventory(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Takes what the cross-object rules need of one object; the object's tree may be dropped afterwards. */
    void add(KubeObject object) {
        boolean network = reporter.enabled(RuleId.NAMESPACE_DEFAULT_DENY)
                || reporter.enabled(RuleId.NETWORK_POLICY_COVERAGE);
        switch (object.kind) {
            case "Namespace" -> {
                if (!namespaces.containsKey(object.name)) {
                    namespaces.put(object.name, Site.of(object, RuleId.NAMESPACE_DEFAULT_DENY, "metadata.name"));
                }
            }
            case "NetworkPolicy" -> networkPolicies.computeIfAbsent(object.namespace, n -> new ArrayList<>())
                    .add(Network.policy(object));
            case "ServiceAccount" -> serviceAccountsOff.putIfAbsent(object.namespace + "/" + object.name,
                    Json.isFalse(object.node.get("automountServiceAccountToken")));
            case "RoleBinding", "ClusterRoleBinding" -> indexBinding(object);
            default -> {
                if (object.pod != null && network) {
                    workloads.computeIfAbsent(object.namespace, n -> new ArrayList<>())
                            .add(Network.workload(object));
                }
            }
        }
        if (object.pod != null && reporter.enabled(RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN)) {
            TokenMounts.Mount mount = TokenMounts.of(object);
            if (mount != null) {
                tokenMounts.add(mount);
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

    List<Network.Policy> networkPolicies(String namespace) {
        return networkPolicies.getOrDefault(namespace, List.of());
    }

    /** Whether the input's first ServiceAccount of this namespace and name sets automountServiceAccountToken: false. */
    boolean serviceAccountOff(String namespace, String serviceAccount) {
        return serviceAccountsOff.getOrDefault(namespace + "/" + serviceAccount, false);
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
