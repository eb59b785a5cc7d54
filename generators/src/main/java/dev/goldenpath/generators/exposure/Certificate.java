package dev.goldenpath.generators.exposure;

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

/**
 * cert-manager {@code cert-manager.io/v1} Certificate: cert-manager keeps a TLS Secret of this name current for these
 * DNS names, from the named issuer. fabric8 has no cert-manager model, so this is the project's typed custom resource.
 */
@Group(Certificate.GROUP)
@Version(Certificate.VERSION)
@Kind(Certificate.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
public final class Certificate extends TypedCustomResource<Certificate.Spec> implements Namespaced {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    public static final String GROUP = "cert-manager.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Certificate";

    @JsonCreator
    public Certificate(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /**
     * The spec.
     *
     * @param secretName the Secret cert-manager writes the key and certificate to
     * @param dnsNames   the names the certificate is valid for
     * @param issuerRef  who signs it
     * @param privateKey the key's algorithm and rotation
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"secretName", "dnsNames", "issuerRef", "privateKey"})
    public record Spec(@JsonProperty("secretName") String secretName, @JsonProperty("dnsNames") List<String> dnsNames,
                       @JsonProperty("issuerRef") IssuerRef issuerRef, @JsonProperty("privateKey") PrivateKey privateKey) {
        public Spec {
            dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        }
    }

    /** An Issuer (in the Certificate's namespace) or a ClusterIssuer. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"group", "kind", "name"})
    public record IssuerRef(@JsonProperty("group") String group, @JsonProperty("kind") String kind,
                            @JsonProperty("name") String name) {
    }

    /** The private key: algorithm, size, and whether a renewal makes a new one. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"algorithm", "size", "rotationPolicy"})
    public record PrivateKey(@JsonProperty("algorithm") String algorithm, @JsonProperty("size") int size,
                             @JsonProperty("rotationPolicy") String rotationPolicy) {
    }
}
