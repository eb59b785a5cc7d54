package dev.goldenpath.generators.baseline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * OPA Gatekeeper {@code templates.gatekeeper.sh/v1} ConstraintTemplate (cluster-scoped): a Rego policy and the
 * constraint kind Gatekeeper creates for it, with the schema of that kind's parameters.
 */
@Group(ConstraintTemplate.GROUP)
@Version(ConstraintTemplate.VERSION)
@Kind(ConstraintTemplate.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class ConstraintTemplate extends TypedCustomResource<ConstraintTemplate.Spec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "templates.gatekeeper.sh";
    static final String VERSION = "v1";
    static final String KIND = "ConstraintTemplate";

    @JsonCreator
    public ConstraintTemplate(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    @JsonPropertyOrder({"crd", "targets"})
    public record Spec(@JsonProperty("crd") Crd crd, @JsonProperty("targets") List<Target> targets) {
        public Spec {
            targets = List.copyOf(targets);
        }
    }

    /** The constraint kind's definition. */
    public record Crd(@JsonProperty("spec") CrdSpec spec) {
    }

    @JsonPropertyOrder({"names", "validation"})
    public record CrdSpec(@JsonProperty("names") Names names, @JsonProperty("validation") Validation validation) {
    }

    public record Names(@JsonProperty("kind") String kind) {
    }

    /** The OpenAPI v3 schema of the constraint's {@code spec.parameters}. */
    public record Validation(@JsonProperty("openAPIV3Schema") ObjectNode openAPIV3Schema) {
    }

    /** The Rego source for one enforcement target ({@code admission.k8s.gatekeeper.sh}). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"target", "rego"})
    public record Target(@JsonProperty("target") String target, @JsonProperty("rego") String rego) {
    }
}
