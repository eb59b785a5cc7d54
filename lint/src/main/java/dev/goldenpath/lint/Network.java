package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.RuleId;
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
 *
 * <p>The linter streams documents, so the rules run on what {@link #policy} and {@link #workload} keep of each
 * object while it is read: selectors, labels and where a finding would point.
 */
final class Network {

    static final String SKIPPED_NOTE = "namespace-default-deny and network-policy-coverage were not evaluated: "
            + "the input holds no Namespace and no NetworkPolicy";

    private Network() {
    }

    /**
     * What the rules need of a NetworkPolicy: its pod selector and, for default deny, whether it selects every pod,
     * which directions it isolates and whether it allows all traffic in either.
     */
    record Policy(String name, JsonNode podSelector, boolean selectsAll, boolean ingress, boolean egress,
                  boolean allowsAllIngress, boolean allowsAllEgress) {
    }

    /**
     * What the rules need of a pod-template-bearing object: the labels of its pods, whether they use the host's
     * network, and the sites of a default-deny finding about its namespace and of a coverage finding about it.
     */
    record Workload(String display, JsonNode labels, boolean hostNetwork, Site namespaceSite, Site coverageSite) {
    }

    static Policy policy(KubeObject policy) {
        JsonNode spec = policy.node.path("spec");
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
        JsonNode selector = spec.path("podSelector");
        return new Policy(policy.name, selector, LabelSelector.selectsAll(selector), ingress, egress,
                hasAllowAllRule(spec.path("ingress"), "from"), hasAllowAllRule(spec.path("egress"), "to"));
    }

    static Workload workload(KubeObject workload) {
        Site namespaceSite = Site.of(workload, RuleId.NAMESPACE_DEFAULT_DENY, workload.at("metadata.namespace"));
        Site coverageSite = Site.of(workload, RuleId.NETWORK_POLICY_COVERAGE,
                PodSecurity.templateMetadataPath(workload) + ".labels");
        return new Workload(workload.display(), workload.pod.labels(),
                Json.isTrue(workload.pod.spec.get("hostNetwork")), namespaceSite, coverageSite);
    }

    static void check(Inventory inventory, Reporter reporter, List<String> notes) {
        if (!reporter.enabled(RuleId.NAMESPACE_DEFAULT_DENY) && !reporter.enabled(RuleId.NETWORK_POLICY_COVERAGE)) {
            return;
        }
        if (!inventory.managesNetworking()) {
            if (!inventory.workloads.isEmpty()) {
                notes.add(SKIPPED_NOTE);
            }
            return;
        }
        for (Map.Entry<String, Site> namespace : inventory.namespaces.entrySet()) {
            defaultDeny(namespace.getKey(), namespace.getValue(), inventory, reporter);
        }
        for (Map.Entry<String, List<Workload>> entry : inventory.workloads.entrySet()) {
            String namespace = entry.getKey();
            if (!inventory.namespaces.containsKey(namespace)) {
                defaultDeny(namespace, entry.getValue().get(0).namespaceSite(), inventory, reporter);
            }
            for (Workload workload : entry.getValue()) {
                coverage(namespace, workload, inventory, reporter);
            }
        }
    }

    /**
     * A namespace denies by default when policies selecting every pod isolate both directions and none of them
     * has an allow-all rule (an empty rule matches every peer and port).
     */
    private static void defaultDeny(String namespace, Site reportOn, Inventory inventory, Reporter reporter) {
        boolean ingressIsolated = false;
        boolean egressIsolated = false;
        List<String> allowAll = new ArrayList<>();
        for (Policy policy : inventory.networkPolicies(namespace)) {
            if (!policy.selectsAll()) {
                continue;
            }
            if (policy.ingress()) {
                ingressIsolated = true;
                if (policy.allowsAllIngress()) {
                    allowAll.add("NetworkPolicy " + Json.quote(policy.name()) + " allows all ingress");
                }
            }
            if (policy.egress()) {
                egressIsolated = true;
                if (policy.allowsAllEgress()) {
                    allowAll.add("NetworkPolicy " + Json.quote(policy.name()) + " allows all egress");
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
            reporter.report(RuleId.NAMESPACE_DEFAULT_DENY, reportOn, "namespace " + Json.quote(shown)
                    + " has no default-deny NetworkPolicy for " + String.join(" and ", missing));
        }
        for (String problem : allowAll) {
            reporter.report(RuleId.NAMESPACE_DEFAULT_DENY, reportOn,
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

    private static void coverage(String namespace, Workload workload, Inventory inventory, Reporter reporter) {
        if (workload.hostNetwork()) {
            return; // NetworkPolicies do not apply to host-network pods; pss-host-namespaces reports them.
        }
        for (Policy policy : inventory.networkPolicies(namespace)) {
            if (LabelSelector.matches(policy.podSelector(), workload.labels())) {
                return;
            }
        }
        String shown = namespace.isEmpty() ? "(unset)" : namespace;
        reporter.report(RuleId.NETWORK_POLICY_COVERAGE, workload.coverageSite(),
                "no NetworkPolicy in namespace " + Json.quote(shown) + " selects the pods of " + workload.display());
    }
}
