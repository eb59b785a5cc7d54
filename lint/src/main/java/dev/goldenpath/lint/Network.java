package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Network isolation across the whole input: default-deny per namespace and NetworkPolicy coverage per workload
 * (NSA/CISA hardening guide, network separation; CIS 5.3.2).
 *
 * <p>Both rules need to see the namespace's NetworkPolicies, so they run only when the input holds at least one
 * Namespace or NetworkPolicy: linting one vendor Deployment alone says nothing about its cluster's policies.
 * Namespaces are those of the input's Namespace objects plus those its workloads name (an unset namespace is the
 * namespace the manifests are applied to).
 */
final class Network {

    static final String SKIPPED_NOTE = "namespace-default-deny and network-policy-coverage were not evaluated: "
            + "the input holds no Namespace and no NetworkPolicy";

    private Network() {
    }

    static void check(Inventory inventory, Reporter reporter, List<String> notes) {
        if (!reporter.enabled(Rules.NAMESPACE_DEFAULT_DENY) && !reporter.enabled(Rules.NETWORK_POLICY_COVERAGE)) {
            return;
        }
        if (!inventory.managesNetworking()) {
            if (!inventory.workloads.isEmpty()) {
                notes.add(SKIPPED_NOTE);
            }
            return;
        }
        for (KubeObject namespace : inventory.namespaces.values()) {
            defaultDeny(namespace.name, namespace, "metadata.name", inventory, reporter);
        }
        for (Map.Entry<String, List<KubeObject>> entry : inventory.workloads.entrySet()) {
            String namespace = entry.getKey();
            if (!inventory.namespaces.containsKey(namespace)) {
                KubeObject first = entry.getValue().get(0);
                defaultDeny(namespace, first, first.at("metadata.namespace"), inventory, reporter);
            }
            for (KubeObject workload : entry.getValue()) {
                coverage(workload, inventory, reporter);
            }
        }
    }

    /**
     * A namespace denies by default when policies selecting every pod isolate both directions and none of them
     * has an allow-all rule (an empty rule matches every peer and port).
     */
    private static void defaultDeny(String namespace, KubeObject reportOn, String path, Inventory inventory,
                                    Reporter reporter) {
        boolean ingressIsolated = false;
        boolean egressIsolated = false;
        List<String> allowAll = new ArrayList<>();
        for (KubeObject policy : inventory.networkPolicies(namespace)) {
            JsonNode spec = policy.node.path("spec");
            if (!LabelSelector.selectsAll(spec.path("podSelector"))) {
                continue;
            }
            boolean ingress = false;
            boolean egress = false;
            JsonNode types = spec.get("policyTypes");
            if (types != null && types.isArray() && !types.isEmpty()) {
                for (JsonNode type : types) {
                    ingress |= "Ingress".equals(type.asText());
                    egress |= "Egress".equals(type.asText());
                }
            } else {
                // Kubernetes defaulting: Ingress always, Egress when the policy has egress rules.
                ingress = true;
                egress = spec.has("egress");
            }
            if (ingress) {
                ingressIsolated = true;
                if (hasAllowAllRule(spec.path("ingress"), "from")) {
                    allowAll.add("NetworkPolicy " + Json.quote(policy.name) + " allows all ingress");
                }
            }
            if (egress) {
                egressIsolated = true;
                if (hasAllowAllRule(spec.path("egress"), "to")) {
                    allowAll.add("NetworkPolicy " + Json.quote(policy.name) + " allows all egress");
                }
            }
        }
        String shown = namespace.isEmpty() ? "(unset)" : namespace;
        List<String> missing = new ArrayList<>(2);
        if (!ingressIsolated) {
            missing.add("Ingress");
        }
        if (!egressIsolated) {
            missing.add("Egress");
        }
        if (!missing.isEmpty()) {
            reporter.report(Rules.NAMESPACE_DEFAULT_DENY, reportOn, path, "namespace " + Json.quote(shown)
                    + " has no default-deny NetworkPolicy for " + String.join(" and ", missing));
        }
        for (String problem : allowAll) {
            reporter.report(Rules.NAMESPACE_DEFAULT_DENY, reportOn, path,
                    "namespace " + Json.quote(shown) + ": " + problem + " to every pod");
        }
    }

    private static boolean hasAllowAllRule(JsonNode rules, String peers) {
        for (JsonNode rule : rules) {
            if (Json.empty(rule.get(peers)) && Json.empty(rule.get("ports"))) {
                return true;
            }
        }
        return false;
    }

    private static void coverage(KubeObject workload, Inventory inventory, Reporter reporter) {
        if (Json.isTrue(workload.pod.spec.get("hostNetwork"))) {
            return; // NetworkPolicies do not apply to host-network pods; pss-host-namespaces reports them.
        }
        JsonNode labels = workload.pod.labels();
        for (KubeObject policy : inventory.networkPolicies(workload.namespace)) {
            if (LabelSelector.matches(policy.node.path("spec").path("podSelector"), labels)) {
                return;
            }
        }
        String shown = workload.namespace.isEmpty() ? "(unset)" : workload.namespace;
        reporter.report(Rules.NETWORK_POLICY_COVERAGE, workload,
                PodSecurity.templateMetadataPath(workload) + ".labels",
                "no NetworkPolicy in namespace " + Json.quote(shown) + " selects the pods of " + workload.display());
    }
}
