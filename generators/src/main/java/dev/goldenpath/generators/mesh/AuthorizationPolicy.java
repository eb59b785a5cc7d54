package dev.goldenpath.generators.mesh;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.Map;

/**
 * Istio {@code security.istio.io/v1} AuthorizationPolicy: which authenticated identities may call a workload on
 * which ports. An ALLOW policy without rules allows nothing.
 */
@Group(AuthorizationPolicy.GROUP)
@Version(AuthorizationPolicy.VERSION)
@Kind(AuthorizationPolicy.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class AuthorizationPolicy extends TypedCustomResource<AuthorizationPolicy.Spec> implements Namespaced {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "security.istio.io";
    static final String VERSION = "v1";
    static final String KIND = "AuthorizationPolicy";

    @JsonCreator
    public AuthorizationPolicy(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"selector", "action", "rules"})
    public record Spec(@JsonProperty("selector") Selector selector, @JsonProperty("action") String action,
                       @JsonProperty("rules") List<Rule> rules) {
        public Spec {
            rules = List.copyOf(rules);
        }
    }

    /** The workloads the policy applies to. */
    public record Selector(@JsonProperty("matchLabels") Map<String, String> matchLabels) {
        public Selector {
            matchLabels = new java.util.TreeMap<>(matchLabels);
        }
    }

    /** Requests matching every present part of a rule are allowed. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"from", "to"})
    public record Rule(@JsonProperty("from") List<From> from, @JsonProperty("to") List<To> to) {
        public Rule {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }
    }

    public record From(@JsonProperty("source") Source source) {
    }

    /** The caller: its SPIFFE principal ({@code cluster.local/ns/<ns>/sa/<sa>}) or its namespace. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"principals", "namespaces"})
    public record Source(@JsonProperty("principals") List<String> principals,
                         @JsonProperty("namespaces") List<String> namespaces) {
        public Source {
            principals = List.copyOf(principals);
            namespaces = List.copyOf(namespaces);
        }
    }

    public record To(@JsonProperty("operation") Operation operation) {
    }

    /** The ports called, as strings (Istio's schema). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Operation(@JsonProperty("ports") List<String> ports) {
        public Operation {
            ports = List.copyOf(ports);
        }
    }
}
