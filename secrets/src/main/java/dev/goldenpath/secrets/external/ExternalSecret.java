package dev.goldenpath.secrets.external;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.goldenpath.kube.KubernetesNames;
import dev.goldenpath.kube.TypedCustomResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An {@code external-secrets.io/v1} ExternalSecret: the operator reads values from a store and writes
 * them into a Secret, so no value, sealed or not, ever enters git.
 *
 * <pre>{@code
 * ExternalSecret db = ExternalSecret.builder("payments", "db-creds")
 *         .store(SecretStoreRef.secretStore("vault"))
 *         .refreshInterval(Duration.ofHours(1))
 *         .type("kubernetes.io/basic-auth")
 *         .label("app.kubernetes.io/part-of", "payments")
 *         .data("username", RemoteRef.of("payments/db", "username"))
 *         .data("password", RemoteRef.of("payments/db", "password"))
 *         .build();
 * }</pre>
 */
@Group(ExternalSecret.GROUP)
@Version(ExternalSecret.VERSION)
@Kind(ExternalSecret.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
public final class ExternalSecret extends TypedCustomResource<ExternalSecretSpec> implements Namespaced {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    public static final String GROUP = "external-secrets.io";
    public static final String VERSION = "v1";
    public static final String KIND = "ExternalSecret";

    @JsonCreator
    public ExternalSecret(@JsonProperty("metadata") ObjectMeta metadata,
                          @JsonProperty("spec") ExternalSecretSpec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /** Starts an ExternalSecret called {@code name} in {@code namespace}; the target Secret has the same name. */
    public static Builder builder(String namespace, String name) {
        return new Builder(namespace, name);
    }

    /** Fluent builder; {@link #build()} validates everything at once. */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private SecretStoreRef store;
        private Duration refreshInterval = Duration.ofHours(1);
        private String targetName;
        private ExternalSecretSpec.CreationPolicy creationPolicy = ExternalSecretSpec.CreationPolicy.OWNER;
        private String type;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        // Sorted: data[] order must not depend on the order callers add entries in.
        private final Map<String, RemoteRef> data = new TreeMap<>();

        private Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        public Builder store(SecretStoreRef store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** How often the operator re-reads the store; one hour unless set, zero to read once. */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The Secret's name when it differs from the ExternalSecret's. */
        public Builder targetName(String targetName) {
            this.targetName = Objects.requireNonNull(targetName, "targetName");
            return this;
        }

        public Builder creationPolicy(ExternalSecretSpec.CreationPolicy policy) {
            this.creationPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The Secret type, e.g. {@code kubernetes.io/dockerconfigjson}. */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder labels(Map<String, String> entries) {
            entries.forEach(this::label);
            return this;
        }

        public Builder annotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Writes the value at {@code remoteRef} under {@code secretKey}. */
        public Builder data(String secretKey, RemoteRef remoteRef) {
            data.put(Objects.requireNonNull(secretKey, "secretKey"), Objects.requireNonNull(remoteRef, "remoteRef"));
            return this;
        }

        /**
         * @throws IllegalArgumentException listing every problem
         */
        public ExternalSecret build() {
            List<String> problems = new ArrayList<>();
            Names.check(namespace == null ? "" : namespace, name, problems);
            if (targetName != null) {
                Names.checkName("target name", targetName, problems);
            }
            if (store == null) {
                problems.add("store is required (SecretStoreRef.secretStore(name) or clusterSecretStore(name))");
            } else {
                Names.checkName("store name", store.name(), problems);
            }
            if (refreshInterval.isNegative()) {
                problems.add("refreshInterval must not be negative");
            }
            if (data.isEmpty()) {
                problems.add("at least one data entry is required");
            }
            data.forEach((key, ref) -> {
                if (KubernetesNames.secretKey(key).isPresent()) {
                    problems.add("secret key '" + key + "' is not a valid Secret key ([-._a-zA-Z0-9]+)");
                }
                if (ref.key().isBlank()) {
                    problems.add("remote key for '" + key + "' is blank");
                }
            });
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid ExternalSecret " + namespace + "/" + name + ":\n  - "
                        + String.join("\n  - ", problems));
            }
            ExternalSecretSpec.TemplateMetadata metadata = new ExternalSecretSpec.TemplateMetadata(labels, annotations);
            ExternalSecretSpec.Template template = type == null && metadata.isEmpty() ? null
                    : new ExternalSecretSpec.Template(type, metadata);
            List<ExternalSecretSpec.Data> entries = new ArrayList<>();
            data.forEach((key, ref) -> entries.add(new ExternalSecretSpec.Data(key, ref)));
            return new ExternalSecret(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build(),
                    new ExternalSecretSpec(store, goDuration(refreshInterval),
                            new ExternalSecretSpec.Target(targetName == null ? name : targetName, creationPolicy,
                                    template),
                            entries));
        }
    }

    /** Go's time.ParseDuration syntax, shortest form: 1h, 1h30m, 45s, 0s. */
    static String goDuration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (rest > 0) {
            out.append(rest).append('s');
        }
        return out.toString();
    }
}
