package dev.goldenpath.generators.mesh;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** Istio {@code security.istio.io/v1} PeerAuthentication: which mutual-TLS mode a namespace's workloads accept. */
@Group(PeerAuthentication.GROUP)
@Version(PeerAuthentication.VERSION)
@Kind(PeerAuthentication.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class PeerAuthentication extends TypedCustomResource<PeerAuthentication.Spec> implements Namespaced {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "security.istio.io";
    static final String VERSION = "v1";
    static final String KIND = "PeerAuthentication";

    @JsonCreator
    public PeerAuthentication(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /** The spec: without a selector it applies to the whole namespace (or mesh, in the root namespace). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Spec(@JsonProperty("mtls") Mtls mtls) {
    }

    /** {@code STRICT}: only mutual-TLS traffic is accepted. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Mtls(@JsonProperty("mode") String mode) {
    }
}
