package dev.goldenpath.dsl;

import java.util.Map;

/**
 * Platform-wide network facts: where the ingress controller and the cluster DNS run, and whether the Istio
 * mesh is on.
 *
 * @param ingressController the ingress controller's namespace and pod labels
 * @param dns               the cluster DNS's namespace and pod labels
 * @param mesh              whether Istio mutual TLS and authorization policies are rendered
 */
public record Network(Peer ingressController, Peer dns, boolean mesh) {

    /** ingress-nginx's and kube-dns's usual homes, no mesh. */
    public static final Network DEFAULT = new Network(
            new Peer("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")),
            new Peer("kube-system", Map.of("k8s-app", "kube-dns")), false);

    /** Pods with these labels in this namespace. */
    public record Peer(String namespace, Map<String, String> podLabels) {
        public Peer {
            podLabels = Copies.sortedMap(podLabels);
        }
    }
}
