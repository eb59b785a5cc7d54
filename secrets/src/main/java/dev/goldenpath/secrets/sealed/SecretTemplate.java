package dev.goldenpath.secrets.sealed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spec.template} of a SealedSecret: what the unsealed Secret looks like besides its data.
 *
 * <pre>{@code
 * SecretTemplate template = sealed.getSpec().template();
 * String type = template.type();   // "Opaque", "kubernetes.io/basic-auth", ...
 * }</pre>
 *
 * @param metadata  name, namespace, labels and annotations of the Secret
 * @param type      the Secret type, e.g. {@code Opaque} or {@code kubernetes.io/tls}
 * @param immutable whether the Secret is immutable; {@code null} leaves it unset
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"metadata", "type", "immutable"})
@JsonIgnoreProperties({"data"})
public record SecretTemplate(Metadata metadata, String type, Boolean immutable) {

    public SecretTemplate {
        // No shared EMPTY constants: Jackson may initialise Metadata before this class, and a
        // constant cycle between the two would then see a null.
        metadata = metadata == null ? new Metadata(null, null, null, null) : metadata;
    }

    /**
     * {@code spec.template.metadata}: the fields the upstream CRD declares and goldenpath sets.
     *
     * @param name        the Secret's name (the controller overrides it with the SealedSecret's)
     * @param namespace   the Secret's namespace (likewise overridden)
     * @param labels      labels of the Secret, sorted
     * @param annotations annotations of the Secret, sorted
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "namespace", "labels", "annotations"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name, String namespace, Map<String, String> labels,
                           Map<String, String> annotations) {

        public Metadata {
            labels = sorted(labels);
            annotations = sorted(annotations);
        }

        private static Map<String, String> sorted(Map<String, String> map) {
            return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
        }
    }

}
