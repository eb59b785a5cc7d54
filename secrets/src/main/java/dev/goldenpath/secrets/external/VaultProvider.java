package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The HashiCorp Vault provider of a SecretStore ({@code spec.provider.vault}), with Kubernetes
 * service-account authentication: no static Vault token exists anywhere, the store presents a
 * short-lived service-account token that Vault verifies with the cluster.
 *
 * <pre>{@code
 * VaultProvider vault = VaultProvider.at("https://vault.example.com:8200")
 *         .withPath("secret")
 *         .withKubernetesAuth("kubernetes", "payments", "payments-api");
 * }</pre>
 *
 * @param server    the Vault address
 * @param path      the KV mount path, e.g. {@code secret}
 * @param version   KV engine version; v2 unless set
 * @param namespace the Vault Enterprise namespace, or null
 * @param auth      how the store logs in
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"server", "path", "version", "namespace", "auth"})
public record VaultProvider(String server, String path, KvVersion version, String namespace, Auth auth) {

    /** The KV secrets engine version. */
    public enum KvVersion {
        V1("v1"),
        V2("v2");

        private final String value;

        KvVersion(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }

    /**
     * {@code auth}: only Kubernetes authentication is modelled, on purpose; it needs no long-lived
     * credential in the cluster.
     *
     * @param kubernetes Kubernetes service-account authentication
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Auth(KubernetesAuth kubernetes) {
    }

    /**
     * {@code auth.kubernetes}.
     *
     * @param mountPath         where Vault's Kubernetes auth method is mounted, usually {@code kubernetes}
     * @param role              the Vault role bound to the service account
     * @param serviceAccountRef the service account whose token is presented
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"mountPath", "role", "serviceAccountRef"})
    public record KubernetesAuth(String mountPath, String role, ServiceAccountRef serviceAccountRef) {
        public KubernetesAuth {
            Objects.requireNonNull(mountPath, "mountPath");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * {@code serviceAccountRef}.
     *
     * @param name      the service account in the store's namespace
     * @param audiences token audiences, when the Vault role expects specific ones
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "audiences"})
    public record ServiceAccountRef(String name, List<String> audiences) {
        public ServiceAccountRef {
            Objects.requireNonNull(name, "name");
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    public VaultProvider {
        Objects.requireNonNull(server, "server");
        version = Objects.requireNonNullElse(version, KvVersion.V2);
    }

    /** A KV v2 provider at {@code server}, mount {@code secret}, not yet authenticated. */
    public static VaultProvider at(String server) {
        return new VaultProvider(server, "secret", KvVersion.V2, null, null);
    }

    public VaultProvider withPath(String path) {
        return new VaultProvider(server, path, version, namespace, auth);
    }

    public VaultProvider withVersion(KvVersion version) {
        return new VaultProvider(server, path, version, namespace, auth);
    }

    public VaultProvider withNamespace(String namespace) {
        return new VaultProvider(server, path, version, namespace, auth);
    }

    /** Logs in with {@code serviceAccount}'s token at auth mount {@code mountPath} as Vault role {@code role}. */
    public VaultProvider withKubernetesAuth(String mountPath, String role, String serviceAccount) {
        return new VaultProvider(server, path, version, namespace,
                new Auth(new KubernetesAuth(mountPath, role, new ServiceAccountRef(serviceAccount, List.of()))));
    }
}
