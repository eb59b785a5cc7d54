package dev.goldenpath.secrets.sealed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.KubernetesNames;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /**
     * Starts a SealedSecret from values that are already sealed, e.g. {@code kubeseal --raw} output kept
     * in a spec. To seal plaintext, use {@link Sealer#secret(String, String)}.
     *
     * <pre>{@code
     * SealedSecret sealed = SealedSecret.builder("payments", "db-creds")
     *         .encryptedValue("password", "AgBy3i4OJSWK+PiTySYZZA...")
     *         .build();
     * }</pre>
     */
    public static Builder builder(String namespace, String name) {
        return new Builder(namespace, name);
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

    /**
     * Assembles a SealedSecret: scope annotations on the object and its template (upstream
     * {@code UpdateScopeAnnotations}; kubeseal carries them into the template too), Secret type,
     * labels and annotations. {@link #build()} validates everything at once.
     */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private Scope.Kind scope = Scope.Kind.STRICT;
        private String type = "Opaque";
        private Boolean immutable;
        private final Map<String, String> encryptedData = new TreeMap<>();
        private final Map<String, String> labels = new TreeMap<>();
        private final Map<String, String> annotations = new TreeMap<>();
        private final Map<String, String> ownAnnotations = new TreeMap<>();

        private Builder(String namespace, String name) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Strict (default), namespace-wide or cluster-wide: must be the scope the values were sealed for. */
        public Builder scope(Scope.Kind kind) {
            this.scope = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** The Secret type; {@code Opaque} unless set. */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Marks the resulting Secret immutable. */
        public Builder immutable(boolean immutable) {
            this.immutable = immutable;
            return this;
        }

        /** A value sealed for this SealedSecret's scope: base64 of the hybrid ciphertext. */
        public Builder encryptedValue(String key, String base64) {
            encryptedData.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(base64, "base64"));
            return this;
        }

        /** A label of the resulting Secret. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every label. */
        public Builder labels(Map<String, String> entries) {
            entries.forEach(this::label);
            return this;
        }

        /** An annotation of the resulting Secret (scope annotations are set by {@link #scope}, not by hand). */
        public Builder annotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every annotation. */
        public Builder annotations(Map<String, String> entries) {
            entries.forEach(this::annotation);
            return this;
        }

        /** An annotation on the SealedSecret itself, which never reaches the Secret. */
        Builder ownAnnotation(String key, String value) {
            ownAnnotations.put(key, value);
            return this;
        }

        Scope.Kind scope() {
            return scope;
        }

        String namespace() {
            return namespace;
        }

        String name() {
            return name;
        }

        /**
         * @throws IllegalArgumentException listing every problem
         */
        public SealedSecret build() {
            List<String> problems = new ArrayList<>();
            problems(problems, true);
            if (!problems.isEmpty()) {
                throw invalid(problems);
            }
            return assemble();
        }

        /** Every problem of the metadata, and of the encrypted values when {@code checkValues}. */
        void problems(List<String> problems, boolean checkValues) {
            Scope.checkNamespace(namespace, problems);
            Scope.checkName(name, problems);
            if (checkValues) {
                if (encryptedData.isEmpty()) {
                    problems.add("no values (the controller would create an empty Secret)");
                }
                encryptedData.forEach((key, value) -> {
                    checkKey(key, problems);
                    if (!looksSealed(value)) {
                        problems.add("value of key '" + key + "' is not base64 of a sealed-secrets ciphertext");
                    }
                });
            }
            labels.forEach((key, value) -> checkLabel(key, value, problems));
            annotations.keySet().forEach(key -> {
                checkQualifiedName("annotation", key, problems);
                if (key.equals(Scope.CLUSTER_WIDE_ANNOTATION) || key.equals(Scope.NAMESPACE_WIDE_ANNOTATION)) {
                    problems.add("annotation '" + key + "' is set by scope(...), not by hand");
                }
            });
            SecretTypes.checkType(type, problems);
            if (checkValues) {
                contentProblems(encryptedData.keySet(), problems);
            }
        }

        /** What the Secret type requires of the keys and annotations (the API server's rules). */
        void contentProblems(Set<String> keys, List<String> problems) {
            SecretTypes.checkContents(type, keys, annotations, problems);
        }

        // The messages name the rule in the words of the sealer's documentation (docs/secrets.md); the rules are
        // apimachinery's, shared with the renderer (KubernetesNames).
        private static void checkLabel(String key, String value, List<String> problems) {
            checkQualifiedName("label", key, problems);
            if (KubernetesNames.labelValue(value).isPresent()) {
                problems.add("label '" + key + "' has value '" + value + "', which is not a valid label value"
                        + " (alphanumerics, '-', '_' and '.', at most 63 characters)");
            }
        }

        private static void checkQualifiedName(String what, String key, List<String> problems) {
            if (KubernetesNames.qualifiedName(key).isPresent()) {
                problems.add(what + " key '" + key + "' is not a qualified name ([prefix/]name, name at most 63"
                        + " alphanumerics, '-', '_' or '.', prefix a DNS subdomain)");
            }
        }

        static void checkKey(String key, List<String> problems) {
            if (KubernetesNames.secretKey(key).isPresent()) {
                problems.add("key '" + key + "' is not a valid Secret key ([-._a-zA-Z0-9]+, at most 253 characters)");
            }
        }

        IllegalArgumentException invalid(List<String> problems) {
            return new IllegalArgumentException("invalid SealedSecret " + namespace + "/" + name + ":\n  - "
                    + String.join("\n  - ", problems.stream().distinct().toList()));
        }

        SealedSecret assemble() {
            Scope target = Scope.of(scope, namespace, name);
            Map<String, String> templateAnnotations = new TreeMap<>(annotations);
            Map<String, String> objectAnnotations = new TreeMap<>(ownAnnotations);
            target.annotation().ifPresent(annotation -> {
                objectAnnotations.put(annotation, "true");
                templateAnnotations.put(annotation, "true");
            });
            ObjectMeta metadata = new ObjectMetaBuilder()
                    .withName(name)
                    .withNamespace(namespace)
                    .withAnnotations(objectAnnotations.isEmpty() ? null : objectAnnotations)
                    .build();
            SecretTemplate template = new SecretTemplate(
                    new SecretTemplate.Metadata(name, namespace, labels, templateAnnotations), type, immutable);
            return new SealedSecret(metadata, new SealedSecretSpec(encryptedData, template));
        }

        // Upstream HybridDecrypt's framing: a 16-bit RSA length, that many bytes, then GCM output with its tag.
        private static boolean looksSealed(String base64) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (bytes.length < 2) {
                return false;
            }
            int rsaLength = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
            return rsaLength >= 256 && bytes.length >= 2 + rsaLength + 16;
        }
    }
}
