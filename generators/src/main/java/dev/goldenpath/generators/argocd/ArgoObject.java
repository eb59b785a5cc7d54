package dev.goldenpath.generators.argocd;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;

/**
 * The common shape of the {@code argoproj.io/v1alpha1} objects: apiVersion, kind, metadata and a typed spec.
 * Only the fields are serialized (not {@link HasMetadata}'s derived getters), in the Kubernetes order, so the
 * Renderer's YAML writer and the lint policy check treat them like any fabric8 object.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
abstract class ArgoObject<S> implements HasMetadata, Namespaced {

    static final String API_VERSION = "argoproj.io/v1alpha1";

    private String apiVersion = API_VERSION;
    private String kind;
    private ObjectMeta metadata;
    private S spec;

    ArgoObject(String kind) {
        this.kind = kind;
    }

    ArgoObject(String kind, ObjectMeta metadata, S spec) {
        this.kind = kind;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public ObjectMeta getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(ObjectMeta metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** The typed spec. */
    public S spec() {
        return spec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArgoObject<?> that && getClass() == that.getClass()
                && Objects.equals(apiVersion, that.apiVersion) && Objects.equals(kind, that.kind)
                && Objects.equals(metadata, that.metadata) && Objects.equals(spec, that.spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiVersion, kind, metadata, spec);
    }

    @Override
    public String toString() {
        return kind + " " + (metadata == null ? "?" : metadata.getNamespace() + "/" + metadata.getName());
    }
}
