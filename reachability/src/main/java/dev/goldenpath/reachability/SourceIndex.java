package dev.goldenpath.reachability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoints a rule's peers can possibly match, looked up by namespace and label instead of tried one by one:
 * what keeps {@link Reachability#allowedEdges()} near linear when every pod is isolated and each rule names its
 * peers by label (a rendered platform). The answer is a superset: every candidate is still judged by the full
 * rules, so the index decides only which pairs are worth judging, never whether one is allowed.
 */
final class SourceIndex {

    private final Collection<Endpoint> all;
    private final List<Endpoint> addressed = new ArrayList<>();
    private final Map<String, List<Pod>> podsByNamespace = new HashMap<>();
    /** A label of a namespace to the pods of that namespace with that label. */
    private final Map<LabelKey, List<Pod>> podsByLabel = new HashMap<>();
    private final Map<String, Map<String, String>> namespaces;
    /** A label (namespace {@code ""}) to the namespaces with that label. */
    private final Map<LabelKey, List<String>> namespacesByLabel = new HashMap<>();

    SourceIndex(Map<String, Map<String, String>> namespaces, Collection<Endpoint> endpoints) {
        this.all = endpoints;
        this.namespaces = namespaces;
        namespaces.forEach((name, labels) -> labels.forEach((key, value) ->
                namespacesByLabel.computeIfAbsent(new LabelKey("", key, value), k -> new ArrayList<>()).add(name)));
        for (Endpoint endpoint : endpoints) {
            if (endpoint instanceof Pod pod) {
                podsByNamespace.computeIfAbsent(pod.namespace(), k -> new ArrayList<>()).add(pod);
                pod.labels().forEach((key, value) -> podsByLabel.computeIfAbsent(
                        new LabelKey(pod.namespace(), key, value), k -> new ArrayList<>()).add(pod));
            }
            // An ipBlock matches any endpoint with an address inside it: externals, and pods that have IPs.
            if (!endpoint.ips().isEmpty()) {
                addressed.add(endpoint);
            }
        }
    }

    /**
     * The endpoints that may match any of these rules' peers, or {@code null} when some rule matches every peer
     * (no {@code from}/{@code to}): then every endpoint is a candidate.
     */
    Collection<Endpoint> candidates(List<CompiledPolicy.Rule> rules) {
        Set<Endpoint> candidates = new LinkedHashSet<>();
        for (CompiledPolicy.Rule rule : rules) {
            if (rule.peers().isEmpty()) {
                return all;
            }
            for (CompiledPolicy.Peer peer : rule.peers()) {
                if (peer instanceof CompiledPolicy.SelectorPeer selector) {
                    for (String namespace : namespaces(selector)) {
                        candidates.addAll(pods(namespace, selector.podSelector()));
                    }
                } else {
                    candidates.addAll(addressed);
                }
            }
        }
        return candidates;
    }

    /**
     * Whether a pod with these egress policies may reach an address outside the cluster: when none isolates it, or
     * one of their rules admits every peer or an address block. Others need not be judged against any address.
     */
    static boolean mayReachAddresses(List<CompiledPolicy> egress) {
        if (egress.isEmpty()) {
            return true;
        }
        for (CompiledPolicy policy : egress) {
            for (CompiledPolicy.Rule rule : policy.rules(Direction.EGRESS)) {
                if (rule.peers().isEmpty() || rule.peers().stream().anyMatch(CompiledPolicy.IpBlockPeer.class::isInstance)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Collection<String> namespaces(CompiledPolicy.SelectorPeer peer) {
        if (peer.namespaceSelector() == null) {
            return List.of(peer.policyNamespace());
        }
        Map<String, String> required = peer.namespaceSelector().matchLabels();
        if (required.isEmpty()) {
            return namespaces.keySet();
        }
        Map.Entry<String, String> first = required.entrySet().iterator().next();
        return namespacesByLabel.getOrDefault(new LabelKey("", first.getKey(), first.getValue()), List.of());
    }

    private List<Pod> pods(String namespace, Selector selector) {
        Map<String, String> required = selector == null ? Map.of() : selector.matchLabels();
        if (required.isEmpty()) {
            return podsByNamespace.getOrDefault(namespace, List.of());
        }
        List<Pod> smallest = null;
        for (Map.Entry<String, String> label : required.entrySet()) {
            List<Pod> pods = podsByLabel.getOrDefault(new LabelKey(namespace, label.getKey(), label.getValue()), List.of());
            if (smallest == null || pods.size() < smallest.size()) {
                smallest = pods;
            }
        }
        return smallest;
    }
}
