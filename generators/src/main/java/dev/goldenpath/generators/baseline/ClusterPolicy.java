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
 * Kyverno {@code kyverno.io/v1} ClusterPolicy (cluster-scoped), modelled for the rules the baseline uses: validate
 * with {@code podSecurity}, and mutate with a strategic merge patch.
 */
@Group(ClusterPolicy.GROUP)
@Version(ClusterPolicy.VERSION)
@Kind(ClusterPolicy.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class ClusterPolicy extends TypedCustomResource<ClusterPolicy.Spec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "kyverno.io";
    static final String VERSION = "v1";
    static final String KIND = "ClusterPolicy";

    @JsonCreator
    public ClusterPolicy(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /** {@code background}: whether existing resources are scanned and reported too. */
    @JsonPropertyOrder({"background", "rules"})
    public record Spec(@JsonProperty("background") boolean background, @JsonProperty("rules") List<Rule> rules) {
        public Spec {
            rules = List.copyOf(rules);
        }
    }

    /** One rule: what it matches and either a validation or a mutation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "match", "validate", "mutate"})
    public record Rule(@JsonProperty("name") String name, @JsonProperty("match") Match match,
                       @JsonProperty("validate") Validate validate, @JsonProperty("mutate") Mutate mutate) {
    }

    public record Match(@JsonProperty("any") List<Filter> any) {
        public Match {
            any = List.copyOf(any);
        }
    }

    public record Filter(@JsonProperty("resources") Resources resources) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"kinds", "namespaces"})
    public record Resources(@JsonProperty("kinds") List<String> kinds, @JsonProperty("namespaces") List<String> namespaces) {
        public Resources {
            kinds = List.copyOf(kinds);
            namespaces = List.copyOf(namespaces);
        }
    }

    /** {@code failureAction}: {@code Audit} or {@code Enforce}. */
    @JsonPropertyOrder({"failureAction", "message", "podSecurity"})
    public record Validate(@JsonProperty("failureAction") String failureAction, @JsonProperty("message") String message,
                           @JsonProperty("podSecurity") PodSecurity podSecurity) {
    }

    /** A Pod Security Standards level and version, checked by Kyverno's built-in PSS implementation. */
    @JsonPropertyOrder({"level", "version"})
    public record PodSecurity(@JsonProperty("level") String level, @JsonProperty("version") String version) {
    }

    /** A strategic merge patch with Kyverno anchors ({@code +(field)}: add when absent). */
    public record Mutate(@JsonProperty("patchStrategicMerge") ObjectNode patchStrategicMerge) {
    }
}
