package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@code external-secrets.io/v1} SecretStore: a namespaced connection to a secret backend.
 *
 * <pre>{@code
 * SecretStore store = SecretStore.vault("payments", "vault",
 *         VaultProvider.at("https://vault.example.com:8200")
 *                 .withKubernetesAuth("kubernetes", "payments", "payments-api"));
 * }</pre>
 */
@Group(SecretStore.GROUP)
@Version(SecretStore.VERSION)
@Kind(SecretStore.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
public final class SecretStore extends TypedCustomResource<SecretStoreSpec> implements Namespaced {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    public static final String GROUP = "external-secrets.io";
    public static final String VERSION = "v1";
    public static final String KIND = "SecretStore";

    @JsonCreator
    public SecretStore(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") SecretStoreSpec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /** A store called {@code name} in {@code namespace} backed by Vault. */
    public static SecretStore vault(String namespace, String name, VaultProvider vault) {
        List<String> problems = new ArrayList<>();
        Names.check(namespace, name, problems);
        SecretStoreSpec.checkVault(Objects.requireNonNull(vault, "vault"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid SecretStore " + name + ":\n  - " + String.join("\n  - ", problems));
        }
        return new SecretStore(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build(),
                new SecretStoreSpec(new SecretStoreSpec.Provider(vault)));
    }
}
