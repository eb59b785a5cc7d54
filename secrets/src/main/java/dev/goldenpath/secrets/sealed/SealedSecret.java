package dev.goldenpath.secrets.sealed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code bitnami.com/v1alpha1} SealedSecret: encrypted values and the template of the Secret the
 * controller creates from them. Serializes with any Jackson {@code ObjectMapper}, including fabric8's
 * {@code Serialization}, in a fixed property order with no nulls or empty collections.
 *
 * <p>Built by {@link Sealer#secret(String, String)}; also readable from YAML or JSON, which is how a
 * previous render is handed back for ciphertext reuse.
 *
 * <pre>{@code
 * SealedSecret sealed = sealer.secret("payments", "db-creds").value("password", password).seal();
 * String yaml = Serialization.asYaml(sealed);
 * }</pre>
 */
@Group(SealedSecret.GROUP)
@Version(SealedSecret.VERSION)
@Kind(SealedSecret.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
@JsonIgnoreProperties(value = {"status"}, allowGetters = false)
public final class SealedSecret implements HasMetadata, Namespaced {

    public static final String GROUP = "bitnami.com";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "SealedSecret";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private ObjectMeta metadata;
    private final SealedSecretSpec spec;

    /** A SealedSecret with the given metadata (name, namespace, scope annotation) and spec. */
    @JsonCreator
    public SealedSecret(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") SealedSecretSpec spec) {
        this.metadata = metadata == null ? new ObjectMeta() : metadata;
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public ObjectMeta getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(ObjectMeta metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    @JsonProperty("apiVersion")
    public String getApiVersion() {
        return API_VERSION;
    }

    /** Accepts only {@value #API_VERSION}: this class models no other version. */
    @Override
    @JsonProperty("apiVersion")
    public void setApiVersion(String version) {
        if (!API_VERSION.equals(version)) {
            throw new IllegalArgumentException("expected apiVersion " + API_VERSION + " but got " + version);
        }
    }

    @Override
    @JsonProperty("kind")
    public String getKind() {
        return KIND;
    }

    @JsonProperty("kind")
    void setKind(String kind) {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("expected kind " + KIND + " but got " + kind);
        }
    }

    @JsonProperty("spec")
    public SealedSecretSpec getSpec() {
        return spec;
    }

    /** The scope the controller will apply, read from this object's own annotations as upstream does. */
    public Scope scope() {
        Map<String, String> annotations = metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
        Scope.Kind kind = "true".equals(annotations.get(Scope.CLUSTER_WIDE_ANNOTATION)) ? Scope.Kind.CLUSTER_WIDE
                : "true".equals(annotations.get(Scope.NAMESPACE_WIDE_ANNOTATION)) ? Scope.Kind.NAMESPACE_WIDE
                : Scope.Kind.STRICT;
        return Scope.of(kind, metadata.getNamespace(), metadata.getName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && metadata.equals(that.metadata) && spec.equals(that.spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, spec);
    }

    /** Ciphertext only: safe to log. */
    @Override
    public String toString() {
        return "SealedSecret[" + metadata.getNamespace() + "/" + metadata.getName() + ", keys="
                + spec.encryptedData().keySet() + "]";
    }
}
