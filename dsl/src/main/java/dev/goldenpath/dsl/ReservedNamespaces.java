package dev.goldenpath.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The namespaces that are not the platform's to give to apps: Kubernetes' own, and those of the controllers the
 * platform and its cluster baseline run. An app there would get the app namespace's default-deny NetworkPolicy and
 * Pod Security labels, cutting off CoreDNS, the API server's own components or the controllers, so they are refused.
 * This is the one list of them in the DSL.
 */
final class ReservedNamespaces {

    /** Kubernetes reserves the prefix for its own namespaces (kubernetes.io/docs: Namespaces, "kube-" prefix). */
    static final String KUBERNETES_PREFIX = "kube-";

    /**
     * Fixed names and their owners. The baseline ones mirror the generators' namespaces (FalcoDeployment.NAMESPACE,
     * TrivyScan.NAMESPACE, NetworkVerification.STRANGER_NAMESPACE) and the controllers' upstream default homes.
     */
    static final Map<String, String> FIXED = fixed();

    private ReservedNamespaces() {
    }

    private static Map<String, String> fixed() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("default", "Kubernetes (the default namespace, where unqualified objects land)");
        owners.put("kube-system", "Kubernetes (CoreDNS, kube-proxy and the control plane add-ons)");
        owners.put("kube-public", "Kubernetes (readable by everyone, including unauthenticated clients)");
        owners.put("kube-node-lease", "Kubernetes (node heartbeats)");
        owners.put("gatekeeper-system", "the Gatekeeper admission controller of the cluster baseline");
        owners.put("kyverno", "the Kyverno admission controller of the cluster baseline");
        owners.put("cosign-system", "the Sigstore policy-controller of the cluster baseline");
        owners.put("falco", "Falco, the runtime detection of the cluster baseline");
        owners.put("trivy", "the Trivy image scan of the cluster baseline");
        owners.put("istio-system", "the Istio control plane");
        owners.put("sealed-secrets", "the sealed-secrets controller");
        owners.put("external-secrets", "the External Secrets Operator");
        owners.put("goldenpath-verification-stranger", "goldenpath's network verification (the stranger pod)");
        return Map.copyOf(owners);
    }

    /** Who owns the namespace, when it is not the platform's to give to an app. */
    static Optional<String> owner(String namespace, Platform platform) {
        if (namespace.equals(platform.argocdNamespace())) {
            return Optional.of("Argo CD, which deploys the platform");
        }
        if (namespace.equals(platform.baseline().meshRootNamespace())) {
            return Optional.of("the Istio mesh root (its policies apply to every namespace)");
        }
        if (namespace.equals(platform.network().dns().namespace())) {
            return Optional.of("the cluster DNS");
        }
        if (namespace.equals(platform.network().ingressController().namespace())) {
            return Optional.of("the ingress controller");
        }
        if (FIXED.containsKey(namespace)) {
            return Optional.of(FIXED.get(namespace));
        }
        if (namespace.startsWith(KUBERNETES_PREFIX)) {
            return Optional.of("Kubernetes (the kube- prefix is reserved for system namespaces)");
        }
        return Optional.empty();
    }
}
