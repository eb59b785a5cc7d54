package dev.goldenpath.kube;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;

/**
 * A custom resource with an immutable, typed spec, serializable by any Jackson {@code ObjectMapper}
 * (fabric8's {@code Serialization} included) as {@code apiVersion, kind, metadata, spec}, without
 * nulls or empty collections. {@code apiVersion} and {@code kind} are the subclass's fabric8 {@code @Group},
 * {@code @Version} and {@code @Kind} annotations and cannot be set to anything else: handed to the constructor as the
 * constants the annotations name, or read from the annotations.
 *
 * <p>The metadata is fabric8's mutable {@code ObjectMeta}, because {@link HasMetadata} requires a
 * setter; the spec is a record.
 *
 * <pre>{@code
 * SealedSecret sealed = ...;
 * sealed.getMetadata().getLabels();     // fabric8 ObjectMeta
 * sealed.getSpec().encryptedData();     // record
 * }</pre>
 *
 * @param <S> the spec record
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public abstract class TypedCustomResource<S> implements HasMetadata {

    // For subclasses that do not hand them over, read from the class's annotations once per class: fabric8 reads them
    // again on every call, and the checks and the Argo CD projects ask every object for its apiVersion and kind.
    private static final ClassValue<String> API_VERSIONS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return HasMetadata.getApiVersion(type.asSubclass(HasMetadata.class));
        }
    };
    private static final ClassValue<String> KINDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return HasMetadata.getKind(type.asSubclass(HasMetadata.class));
        }
    };

    private final String apiVersion;
    private final String kind;
    private ObjectMeta metadata;
    private final S spec;

    /** apiVersion and kind read from the subclass's annotations, on first use once per class. */
    protected TypedCustomResource(ObjectMeta metadata, S spec) {
        this.apiVersion = null;
        this.kind = null;
        this.metadata = metadata == null ? new ObjectMeta() : metadata;
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * apiVersion and kind as given: the same constants the subclass's annotations name
     * ({@code @Group(Certificate.GROUP)}), so that nothing reads annotations at run time. The JDK's first annotation
     * read costs a fresh process a few hundredths of a second (docs/benchmarks.md).
     */
    protected TypedCustomResource(String group, String version, String kind, ObjectMeta metadata, S spec) {
        this.apiVersion = group.isEmpty() ? version : group + "/" + version;
        this.kind = Objects.requireNonNull(kind, "kind");
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
        return apiVersion != null ? apiVersion : API_VERSIONS.get(getClass());
    }

    /** Accepts only this class's own apiVersion: the class models exactly one version. */
    @Override
    @JsonProperty("apiVersion")
    public void setApiVersion(String version) {
        if (!getApiVersion().equals(version)) {
            throw new IllegalArgumentException("expected apiVersion " + getApiVersion() + " but got " + version);
        }
    }

    @Override
    @JsonProperty("kind")
    public String getKind() {
        return kind != null ? kind : KINDS.get(getClass());
    }

    @JsonProperty("kind")
    protected void setKind(String kind) {
        if (!getKind().equals(kind)) {
            throw new IllegalArgumentException("expected kind " + getKind() + " but got " + kind);
        }
    }

    @JsonProperty("spec")
    public S getSpec() {
        return spec;
    }

    /** {@code namespace/name}, or just the name for cluster-scoped objects. */
    @JsonIgnore
    public String reference() {
        return metadata.getNamespace() == null ? metadata.getName() : metadata.getNamespace() + "/" + metadata.getName();
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && metadata.equals(((TypedCustomResource<?>) other).metadata)
                && spec.equals(((TypedCustomResource<?>) other).spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), metadata, spec);
    }

    @Override
    public String toString() {
        return getKind() + "[" + reference() + "]";
    }
}
