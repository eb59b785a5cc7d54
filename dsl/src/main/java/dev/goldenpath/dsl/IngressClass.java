package dev.goldenpath.dsl;

import java.util.Optional;

/**
 * The ingress class an environment's exposed apps use (Ingress objects instead of Gateway API routes). The
 * controller's pods are the platform's {@code ingressController(namespace, podLabels)}, the peer the NetworkPolicy
 * lets in. With an {@link Issuer}, each exposed app gets a cert-manager Certificate for its hosts in its own namespace;
 * without one, the controller's default certificate serves them.
 *
 * <pre>{@code
 * environment("staging").ingressClass(ingressClass("nginx").issuer(clusterIssuer("letsencrypt")))
 * }</pre>
 *
 * @param name   the IngressClass name ({@code ingressClassName})
 * @param issuer the cert-manager issuer of the apps' certificates; empty: the controller's default certificate
 */
public record IngressClass(String name, Optional<Issuer> issuer) {

    /** Certificates for the apps' hosts from this cert-manager issuer. */
    public IngressClass issuer(Issuer certificateIssuer) {
        return new IngressClass(name, Copies.optional(certificateIssuer));
    }
}
