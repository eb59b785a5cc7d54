package dev.goldenpath.secrets.sealed;

import dev.goldenpath.kube.KubernetesNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a sealed value may be unsealed, exactly as the sealed-secrets controller defines it
 * ({@code pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go}, {@code EncryptionLabel}).
 *
 * <p>The scope becomes the RSA-OAEP <em>label</em>: the controller recomputes it from the
 * SealedSecret's own namespace, name and scope annotations and decryption fails unless it matches.
 * <ul>
 *   <li>{@link Kind#STRICT strict}: label {@code "<namespace>/<name>"}, the value works only in a
 *       SealedSecret with that namespace and that name (the default, and the safest);</li>
 *   <li>{@link Kind#NAMESPACE_WIDE namespace-wide}: label {@code "<namespace>"}, any name in that
 *       namespace;</li>
 *   <li>{@link Kind#CLUSTER_WIDE cluster-wide}: empty label, any namespace and any name.</li>
 * </ul>
 *
 * <pre>{@code
 * Scope scope = Scope.strict("payments", "db-creds");
 * Scope wide  = Scope.of(Scope.Kind.fromFlag("namespace-wide"), "payments", "db-creds");  // name ignored
 * }</pre>
 *
 * @param kind      strict, namespace-wide or cluster-wide
 * @param namespace the namespace the value is bound to; empty for cluster-wide
 * @param name      the SealedSecret name the value is bound to; empty unless strict
 */
public record Scope(Kind kind, String namespace, String name) {

    /** Annotation that marks a SealedSecret namespace-wide (upstream {@code SealedSecretNamespaceWideAnnotation}). */
    public static final String NAMESPACE_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/namespace-wide";
    /** Annotation that marks a SealedSecret cluster-wide (upstream {@code SealedSecretClusterWideAnnotation}). */
    public static final String CLUSTER_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/cluster-wide";

    /** The three sealing scopes, named by their kubeseal {@code --scope} flag values. */
    public enum Kind {
        STRICT("strict"),
        NAMESPACE_WIDE("namespace-wide"),
        CLUSTER_WIDE("cluster-wide");

        private final String flag;

        Kind(String flag) {
            this.flag = flag;
        }

        /** The kubeseal flag value: {@code strict}, {@code namespace-wide} or {@code cluster-wide}. */
        public String flag() {
            return flag;
        }

        /** Parses a kubeseal {@code --scope} value; like kubeseal, an empty value means strict. */
        public static Kind fromFlag(String flag) {
            String value = flag == null ? "" : flag.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                return STRICT;
            }
            for (Kind kind : values()) {
                if (kind.flag.equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "scope '" + flag + "' is not one of: strict, namespace-wide, cluster-wide");
        }
    }

    /** Validates the coordinates the kind needs and drops the ones it ignores. */
    public Scope {
        Objects.requireNonNull(kind, "kind");
        namespace = kind == Kind.CLUSTER_WIDE || namespace == null ? "" : namespace;
        name = kind != Kind.STRICT || name == null ? "" : name;
        List<String> problems = new ArrayList<>();
        if (kind != Kind.CLUSTER_WIDE) {
            checkNamespace(namespace, problems);
        }
        if (kind == Kind.STRICT) {
            checkName(name, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(kind.flag() + " scope: " + String.join("; ", problems));
        }
    }

    /** Bound to one namespace and one name. */
    public static Scope strict(String namespace, String name) {
        return new Scope(Kind.STRICT, namespace, name);
    }

    /** Bound to one namespace, any name. */
    public static Scope namespaceWide(String namespace) {
        return new Scope(Kind.NAMESPACE_WIDE, namespace, "");
    }

    /** Unsealable anywhere in the cluster. */
    public static Scope clusterWide() {
        return new Scope(Kind.CLUSTER_WIDE, "", "");
    }

    /** The scope of {@code kind} for a SealedSecret called {@code name} in {@code namespace}. */
    public static Scope of(Kind kind, String namespace, String name) {
        return new Scope(kind, namespace, name);
    }

    /** The RSA-OAEP label, as upstream {@code EncryptionLabel} computes it. */
    public byte[] label() {
        String label = switch (kind) {
            case STRICT -> namespace + "/" + name;
            case NAMESPACE_WIDE -> namespace;
            case CLUSTER_WIDE -> "";
        };
        return label.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The annotation that tells the controller to use this scope's label, or empty for strict (upstream
     * {@code UpdateScopeAnnotations}: strict is the absence of both annotations).
     */
    public Optional<String> annotation() {
        return switch (kind) {
            case STRICT -> Optional.empty();
            case NAMESPACE_WIDE -> Optional.of(NAMESPACE_WIDE_ANNOTATION);
            case CLUSTER_WIDE -> Optional.of(CLUSTER_WIDE_ANNOTATION);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STRICT -> "strict(" + namespace + "/" + name + ")";
            case NAMESPACE_WIDE -> "namespace-wide(" + namespace + ")";
            case CLUSTER_WIDE -> "cluster-wide";
        };
    }

    // Kubernetes apimachinery validation (KubernetesNames): namespaces are DNS-1123 labels, Secret names DNS-1123
    // subdomains.
    static void checkNamespace(String namespace, List<String> problems) {
        if (namespace.isEmpty()) {
            problems.add("namespace is required");
        } else if (KubernetesNames.label(namespace).isPresent()) {
            problems.add("namespace '" + namespace + "' is not a DNS-1123 label"
                    + " (lower-case alphanumerics and '-', at most 63 characters)");
        }
    }

    static void checkName(String name, List<String> problems) {
        if (name.isEmpty()) {
            problems.add("name is required");
        } else if (KubernetesNames.subdomain(name).isPresent()) {
            problems.add("name '" + name + "' is not a DNS-1123 subdomain"
                    + " (lower-case alphanumerics, '-' and '.', at most 253 characters)");
        }
    }
}
