package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonInclude;
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
}
