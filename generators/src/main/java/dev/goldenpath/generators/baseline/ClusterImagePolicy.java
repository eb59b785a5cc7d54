package dev.goldenpath.generators.baseline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * Sigstore policy-controller {@code policy.sigstore.dev/v1alpha1} ClusterImagePolicy (cluster-scoped): images
 * matching the globs must be signed by one of the authorities. The controller checks pods of namespaces labelled
 * {@code policy.sigstore.dev/include: "true"}.
 */
@Group(ClusterImagePolicy.GROUP)
@Version(ClusterImagePolicy.VERSION)
@Kind(ClusterImagePolicy.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class ClusterImagePolicy extends TypedCustomResource<ClusterImagePolicy.Spec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "policy.sigstore.dev";
    static final String VERSION = "v1alpha1";
    static final String KIND = "ClusterImagePolicy";

    @JsonCreator
    public ClusterImagePolicy(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /** {@code mode}: {@code enforce} rejects, {@code warn} admits with a warning. */
    @JsonPropertyOrder({"images", "authorities", "mode"})
    public record Spec(@JsonProperty("images") List<Image> images, @JsonProperty("authorities") List<Authority> authorities,
                       @JsonProperty("mode") String mode) {
        public Spec {
            images = List.copyOf(images);
            authorities = List.copyOf(authorities);
        }
    }

    public record Image(@JsonProperty("glob") String glob) {
    }

    /** A public key, or a keyless identity with its certificate authority and transparency log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "key", "keyless", "ctlog"})
    public record Authority(@JsonProperty("name") String name, @JsonProperty("key") Key key,
                            @JsonProperty("keyless") Keyless keyless, @JsonProperty("ctlog") CtLog ctlog) {
    }

    @JsonPropertyOrder({"data", "hashAlgorithm"})
    public record Key(@JsonProperty("data") String data, @JsonProperty("hashAlgorithm") String hashAlgorithm) {
        /** Never prints the key. */
        @Override
        public String toString() {
            return "Key[" + hashAlgorithm + "]";
        }
    }

    @JsonPropertyOrder({"url", "identities"})
    public record Keyless(@JsonProperty("url") String url, @JsonProperty("identities") List<Identity> identities) {
        public Keyless {
            identities = List.copyOf(identities);
        }
    }

    @JsonPropertyOrder({"issuer", "subject"})
    public record Identity(@JsonProperty("issuer") String issuer, @JsonProperty("subject") String subject) {
    }

    public record CtLog(@JsonProperty("url") String url) {
    }
}
