package dev.goldenpath.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an app's pods may run: a RuntimeClass, node labels, and the taints they tolerate.
 *
 * @param runtimeClassName the RuntimeClass (e.g. gVisor), when declared
 * @param nodeSelector     node labels the pods require
 * @param tolerations      taints the pods tolerate
 */
public record Scheduling(Optional<String> runtimeClassName, Map<String, String> nodeSelector,
                         List<Toleration> tolerations) {

    public Scheduling {
        nodeSelector = Copies.sortedMap(nodeSelector);
        tolerations = Copies.list(tolerations);
    }
}
