package dev.goldenpath.dsl;

/**
 * A cert-manager issuer: a {@code ClusterIssuer} (one for the cluster) or an {@code Issuer} (present in every app
 * namespace that uses it). Built with {@code GoldenPath.clusterIssuer(name)} or {@code GoldenPath.issuer(name)}.
 *
 * @param kind which kind of issuer
 * @param name its name
 */
public record Issuer(Kind kind, String name) {

    /** The two kinds of cert-manager issuer. */
    public enum Kind {
        /** Cluster-scoped: {@code ClusterIssuer}. */
        CLUSTER_ISSUER("ClusterIssuer"),
        /** In the Certificate's own namespace: {@code Issuer}. */
        ISSUER("Issuer");

        private final String kind;

        Kind(String kind) {
            this.kind = kind;
        }

        /** The Kubernetes kind, as a Certificate's {@code issuerRef.kind} names it. */
        public String kubernetesKind() {
            return kind;
        }
    }
}
