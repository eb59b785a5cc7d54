package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The spec of a SecretStore or ClusterSecretStore: exactly one provider (the CRD allows one).
 *
 * <pre>{@code
 * new SecretStoreSpec(new SecretStoreSpec.Provider(VaultProvider.at("https://vault:8200")));
 * }</pre>
 *
 * @param provider the secret backend
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SecretStoreSpec(Provider provider) {

    public SecretStoreSpec {
        Objects.requireNonNull(provider, "provider");
    }

    /**
     * {@code spec.provider}: one backend. Vault is the one modelled.
     *
     * @param vault the HashiCorp Vault provider
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Provider(VaultProvider vault) {
        public Provider {
            Objects.requireNonNull(vault, "vault");
        }
    }

    /** The problems that would make the operator reject or never use this store, for factory messages. */
    static void checkVault(VaultProvider vault, List<String> problems) {
        if (vault.auth() == null || vault.auth().kubernetes() == null) {
            problems.add("the Vault provider has no authentication; add withKubernetesAuth(mountPath, role,"
                    + " serviceAccount)");
        }
        if (!vault.server().startsWith("https://") && !vault.server().startsWith("http://")) {
            problems.add("Vault server '" + vault.server() + "' is not an http(s) URL");
        }
    }
}
