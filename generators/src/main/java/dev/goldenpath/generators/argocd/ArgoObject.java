package dev.goldenpath.generators.argocd;

import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The common shape of the {@code argoproj.io/v1alpha1} objects: the platform's one custom-resource base
 * ({@link TypedCustomResource}: apiVersion and kind as the class's annotations give them, metadata, a typed spec), plus the
 * short {@link #spec()} accessor the Argo CD code reads specs with.
 */
abstract class ArgoObject<S> extends TypedCustomResource<S> implements Namespaced {

    static final String API_VERSION = "argoproj.io/v1alpha1";

    ArgoObject(String group, String version, String kind, ObjectMeta metadata, S spec) {
        super(group, version, kind, metadata, spec);
    }

    /** The typed spec. */
    public S spec() {
        return getSpec();
    }
}
