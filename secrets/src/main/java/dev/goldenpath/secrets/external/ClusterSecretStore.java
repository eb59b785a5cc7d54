package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@code external-secrets.io/v1} ClusterSecretStore: a SecretStore usable from every namespace.
 * Prefer a namespaced {@link SecretStore} per team; a cluster store lets any namespace read through
 * the store's identity.
 *
 * <pre>{@code
 * ClusterSecretStore store = ClusterSecretStore.vault("vault",
 *         VaultProvider.at("https://vault:8200").withKubernetesAuth("kubernetes", "eso", "external-secrets"));
 * }</pre>
 */
@Group(ClusterSecretStore.GROUP)
@Version(ClusterSecretStore.VERSION)
@Kind(ClusterSecretStore.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
public final class ClusterSecretStore extends TypedCustomResource<SecretStoreSpec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    public static final String GROUP = "external-secrets.io";
    public static final String VERSION = "v1";
    public static final String KIND = "ClusterSecretStore";

    @JsonCreator
    public ClusterSecretStore(@JsonProperty("metadata") ObjectMeta metadata,
                              @JsonProperty("spec") SecretStoreSpec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /** A cluster-wide store called {@code name} backed by Vault. */
    public static ClusterSecretStore vault(String name, VaultProvider vault) {
        List<String> problems = new ArrayList<>();
        Names.check(null, name, problems);
        SecretStoreSpec.checkVault(Objects.requireNonNull(vault, "vault"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid ClusterSecretStore " + name + ":\n  - " + String.join("\n  - ", problems));
        }
        return new ClusterSecretStore(new ObjectMetaBuilder().withName(name).build(),
                new SecretStoreSpec(new SecretStoreSpec.Provider(vault)));
    }
}
