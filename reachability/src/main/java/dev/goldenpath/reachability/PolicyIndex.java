package dev.goldenpath.reachability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies of each namespace, indexed by the first label their {@code podSelector} requires: a policy that
 * requires {@code app=web} can only select pods labelled so, so a pod is tried only against the policies keyed on one
 * of its labels and those that require no label. The answer keeps the policies' declaration order.
 */
final class PolicyIndex {

    private final Map<String, List<CompiledPolicy>> byNamespace = new HashMap<>();
    /** namespace to the positions of its policies whose podSelector requires no label. */
    private final Map<String, BitSet> unkeyed = new HashMap<>();
    /** A label of a namespace to the positions of the policies keyed on it. */
    private final Map<LabelKey, BitSet> keyed = new HashMap<>();

    PolicyIndex(List<CompiledPolicy> policies) {
        for (CompiledPolicy policy : policies) {
            List<CompiledPolicy> list = byNamespace.computeIfAbsent(policy.namespace(), key -> new ArrayList<>());
            int position = list.size();
            list.add(policy);
            Map<String, String> required = policy.podSelector().matchLabels();
            if (required.isEmpty()) {
                unkeyed.computeIfAbsent(policy.namespace(), key -> new BitSet()).set(position);
            } else {
                Map.Entry<String, String> first = required.entrySet().iterator().next();
                keyed.computeIfAbsent(new LabelKey(policy.namespace(), first.getKey(), first.getValue()),
                        key -> new BitSet()).set(position);
            }
        }
    }

    /** Policies of the pod's namespace whose podSelector matches it and whose policyTypes has the direction. */
    List<CompiledPolicy> selecting(Pod pod, Direction direction) {
        List<CompiledPolicy> all = byNamespace.getOrDefault(pod.namespace(), List.of());
        BitSet candidates = new BitSet(all.size());
        BitSet always = unkeyed.get(pod.namespace());
        if (always != null) {
            candidates.or(always);
        }
        pod.labels().forEach((key, value) -> {
            BitSet some = keyed.get(new LabelKey(pod.namespace(), key, value));
            if (some != null) {
                candidates.or(some);
            }
        });
        List<CompiledPolicy> selecting = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            CompiledPolicy policy = all.get(i);
            if (policy.isolates(direction) && policy.selects(pod)) {
                selecting.add(policy);
            }
        }
        return List.copyOf(selecting);
    }
}
