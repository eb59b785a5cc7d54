package dev.goldenpath.dsl;

import java.util.Map;

/**
 * A Kubernetes cluster an environment deploys to, as Argo CD knows it.
 *
 * @param name   the cluster's name in Argo CD (a DNS-1123 label)
 * @param server the API server URL, e.g. {@code https://kubernetes.default.svc}
 * @param labels labels for Argo CD's cluster generator
 */
public record Cluster(String name, String server, Map<String, String> labels) {

    public Cluster {
        labels = Copies.sortedMap(labels);
    }

    /** The same cluster with one more label. */
    public Cluster label(String key, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(labels == null ? Map.of() : labels);
        more.put(key, value);
        return new Cluster(name, server, more);
    }
}
