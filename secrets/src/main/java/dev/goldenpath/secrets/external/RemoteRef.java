package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * {@code remoteRef} of one ExternalSecret data entry: where the value lives in the provider. For
 * Vault KV, {@code key} is the path below the store's mount and {@code property} the field.
 *
 * <pre>{@code
 * RemoteRef.of("payments/db", "password");
 * RemoteRef.key("payments/tls-bundle");           // the whole secret, as JSON
 * }</pre>
 *
 * @param key      the secret's path or name in the provider
 * @param property the field within it, or null for the whole secret
 * @param version  a provider-specific version, or null for the latest
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"key", "property", "version"})
public record RemoteRef(String key, String property, String version) {

    public RemoteRef {
        Objects.requireNonNull(key, "key");
    }

    public static RemoteRef key(String key) {
        return new RemoteRef(key, null, null);
    }

    public static RemoteRef of(String key, String property) {
        return new RemoteRef(key, property, null);
    }

    /** The same reference pinned to a provider version. */
    public RemoteRef withVersion(String version) {
        return new RemoteRef(key, property, version);
    }
}
