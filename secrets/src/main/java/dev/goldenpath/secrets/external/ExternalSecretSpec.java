package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The spec of an ExternalSecret: where to read, how often, and what Secret to write.
 *
 * <pre>{@code
 * ExternalSecretSpec spec = ExternalSecret.builder("payments", "db-creds")
 *         .store(SecretStoreRef.secretStore("vault"))
 *         .data("password", RemoteRef.of("payments/db", "password"))
 *         .build()
 *         .getSpec();
 * }</pre>
 *
 * @param secretStoreRef  the store to read from
 * @param refreshInterval how often to re-read, as a Go duration ({@code 1h}, {@code 15m})
 * @param target          the Secret to create
 * @param data            one entry per Secret key
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"secretStoreRef", "refreshInterval", "target", "data"})
public record ExternalSecretSpec(SecretStoreRef secretStoreRef, String refreshInterval, Target target,
                                 List<Data> data) {

    public ExternalSecretSpec {
        Objects.requireNonNull(secretStoreRef, "secretStoreRef");
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** {@code target.creationPolicy}: who owns the Secret the operator writes. */
    public enum CreationPolicy {
        /** The ExternalSecret owns the Secret; deleting one deletes the other (the operator's default). */
        OWNER("Owner"),
        /** The Secret outlives the ExternalSecret. */
        ORPHAN("Orphan"),
        /** Merge into an existing Secret; never create it. */
        MERGE("Merge"),
        /** Do not create or update any Secret. */
        NONE("None");

        private final String value;

        CreationPolicy(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }

    /**
     * {@code spec.target}.
     *
     * @param name           the Secret's name
     * @param creationPolicy ownership of the Secret
     * @param template       type and metadata of the Secret, or null
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "creationPolicy", "template"})
    public record Target(String name, CreationPolicy creationPolicy, Template template) {
    }

    /**
     * {@code spec.target.template}: the Secret's type and metadata; data passes through unchanged.
     *
     * @param type     the Secret type
     * @param metadata labels and annotations of the Secret
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"type", "metadata"})
    public record Template(String type, TemplateMetadata metadata) {
    }

    /**
     * {@code spec.target.template.metadata}.
     *
     * @param labels      labels, sorted
     * @param annotations annotations, sorted
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"labels", "annotations"})
    public record TemplateMetadata(Map<String, String> labels, Map<String, String> annotations) {
        public TemplateMetadata {
            labels = sorted(labels);
            annotations = sorted(annotations);
        }

        boolean isEmpty() {
            return labels.isEmpty() && annotations.isEmpty();
        }
    }

    /**
     * One {@code spec.data[]} entry.
     *
     * @param secretKey the key in the resulting Secret
     * @param remoteRef where its value comes from
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"secretKey", "remoteRef"})
    public record Data(String secretKey, RemoteRef remoteRef) {
        public Data {
            Objects.requireNonNull(secretKey, "secretKey");
            Objects.requireNonNull(remoteRef, "remoteRef");
        }
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
