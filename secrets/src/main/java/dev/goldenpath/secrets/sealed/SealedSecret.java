package dev.goldenpath.secrets.sealed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.secrets.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Map;

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
@JsonIgnoreProperties({"status"})
public final class SealedSecret extends TypedCustomResource<SealedSecretSpec> implements Namespaced {

    public static final String GROUP = "bitnami.com";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "SealedSecret";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** A SealedSecret with the given metadata (name, namespace, scope annotation) and spec. */
    @JsonCreator
    public SealedSecret(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") SealedSecretSpec spec) {
        super(metadata, spec);
    }

    /** The scope the controller will apply, read from this object's own annotations as upstream does. */
    public Scope scope() {
        Map<String, String> annotations = getMetadata().getAnnotations() == null
                ? Map.of() : getMetadata().getAnnotations();
        Scope.Kind kind = "true".equals(annotations.get(Scope.CLUSTER_WIDE_ANNOTATION)) ? Scope.Kind.CLUSTER_WIDE
                : "true".equals(annotations.get(Scope.NAMESPACE_WIDE_ANNOTATION)) ? Scope.Kind.NAMESPACE_WIDE
                : Scope.Kind.STRICT;
        return Scope.of(kind, getMetadata().getNamespace(), getMetadata().getName());
    }

    /** Names and keys only, never ciphertext or plaintext. */
    @Override
    public String toString() {
        return "SealedSecret[" + reference() + ", keys=" + getSpec().encryptedData().keySet() + "]";
    }
}
