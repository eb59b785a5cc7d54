package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * {@code spec.secretStoreRef} of an ExternalSecret: which store to read from.
 *
 * <pre>{@code
 * SecretStoreRef.secretStore("vault");          // a SecretStore in the ExternalSecret's namespace
 * SecretStoreRef.clusterSecretStore("vault");   // a ClusterSecretStore
 * }</pre>
 *
 * @param name the store's name
 * @param kind SecretStore or ClusterSecretStore
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "name"})
public record SecretStoreRef(String name, StoreKind kind) {

    /** The two kinds of store an ExternalSecret may reference. */
    public enum StoreKind {
        SECRET_STORE("SecretStore"),
        CLUSTER_SECRET_STORE("ClusterSecretStore");

        private final String value;

        StoreKind(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }

    public SecretStoreRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static SecretStoreRef secretStore(String name) {
        return new SecretStoreRef(name, StoreKind.SECRET_STORE);
    }

    public static SecretStoreRef clusterSecretStore(String name) {
        return new SecretStoreRef(name, StoreKind.CLUSTER_SECRET_STORE);
    }
}
