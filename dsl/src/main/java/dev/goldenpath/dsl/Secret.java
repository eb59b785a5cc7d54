package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A secret an app reads, by the name of its Kubernetes Secret. Its values never appear in the spec in plaintext:
 * they are either already sealed for the cluster's sealed-secrets controller, sealed at render time from a source
 * outside the repository (an environment variable or a file), or fetched by the External Secrets Operator.
 *
 * <pre>{@code
 * .secret(sealed("db-creds")
 *     .ciphertextIn("production", "password", "AgBy3i...")      // sealed with kubeseal or goldenpath seal
 *     .fromEnvironment("api-key", "PAYMENTS_API_KEY")           // sealed at render time
 *     .mountAt("/etc/db"))
 * .secret(external("ledger-db").store("vault").remote("password", "payments/ledger", "password")
 *     .env("LEDGER_PASSWORD", "password"))
 * }</pre>
 *
 * @param name            the Secret's name
 * @param backend         how the values reach the cluster
 * @param entries         one per key of the Secret
 * @param type            the Secret's type ({@code Opaque} unless set)
 * @param scope           for sealed secrets: where the ciphertext may be unsealed
 * @param mountPath       where the Secret is mounted read-only as files
 * @param env             environment variables set from keys of the Secret
 * @param store           for external secrets: the name of a platform secret store
 * @param refreshInterval for external secrets: how often the operator refreshes the value
 */
public record Secret(String name, Backend backend, List<Entry> entries, String type, SealScope scope,
                     Optional<String> mountPath, List<EnvFromSecret> env, Optional<String> store,
                     String refreshInterval) {

    public Secret {
        entries = Copies.list(entries);
        env = Copies.list(env);
    }

    /** How a secret's values reach the cluster. */
    public enum Backend {
        /** A Bitnami SealedSecret that the cluster's controller decrypts. */
        SEALED,
        /** An ExternalSecret that the External Secrets Operator fills from a secret store. */
        EXTERNAL
    }

    /** The sealed-secrets scopes: where a sealed value may be unsealed. */
    public enum SealScope {
        /** Only in the Secret's namespace, under its name (the default, and the safest). */
        STRICT,
        /** Under any name in the Secret's namespace. */
        NAMESPACE_WIDE,
        /** Anywhere in the cluster. */
        CLUSTER_WIDE
    }

    /**
     * One key of the Secret and where its value comes from.
     *
     * @param key         the Secret key
     * @param environment empty for every environment, else the one environment this entry is for
     * @param source      where the value comes from
     */
    public record Entry(String key, Optional<String> environment, Source source) {

        /** Whether the entry applies in this environment. */
        public boolean appliesIn(String environmentName) {
            return environment.map(environmentName::equals).orElse(true);
        }
    }

    /** Where a value comes from. None of them holds plaintext. */
    public sealed interface Source permits Ciphertext, FromEnvironment, FromFile, Remote {
    }

    /** Already sealed, base64: safe to commit. Its {@code toString} shows only a prefix. */
    public record Ciphertext(String base64) implements Source {

        @Override
        public String toString() {
            return "Ciphertext[" + (base64.length() > 8 ? base64.substring(0, 8) + "..." : "...") + "]";
        }
    }

    /** Sealed at render time from this environment variable of the rendering process. */
    public record FromEnvironment(String variable) implements Source {
    }

    /** Sealed at render time from this file (outside the repository). */
    public record FromFile(String path) implements Source {
    }

    /** Fetched by the External Secrets Operator: key (path) in the store, and the property within it. */
    public record Remote(String key, String property) implements Source {
    }

    /** An environment variable set from a key of the Secret. */
    public record EnvFromSecret(String variable, String key) {
    }

    /**
     * Builds a {@link Secret}: {@link SealedBuilder} from {@code GoldenPath.sealed(name)}, {@link ExternalBuilder} from
     * {@code GoldenPath.external(name)}. Each offers only what its backend has, so a sealed secret with a store or an
     * external secret with ciphertext does not compile; how the app reads the Secret is the same for both.
     *
     * @param <B> the builder itself, so that a chain keeps its backend's methods
     */
    public abstract static sealed class Builder<B extends Builder<B>> permits SealedBuilder, ExternalBuilder {
        final String name;
        final List<Entry> entries = new ArrayList<>();
        String type = "Opaque";
        Optional<String> mountPath = Optional.empty();
        final List<EnvFromSecret> env = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        abstract B self();

        /** The Secret's type, e.g. {@code kubernetes.io/tls}. */
        public B type(String secretType) {
            this.type = secretType;
            return self();
        }

        /** Mounts the Secret read-only at this path, one file per key. */
        public B mountAt(String path) {
            this.mountPath = Copies.optional(path);
            return self();
        }

        /** Sets an environment variable from a key of the Secret. */
        public B env(String variable, String key) {
            env.add(new EnvFromSecret(variable, key));
            return self();
        }

        /** The secret as declared so far. Nothing is checked here: the platform validates all apps at once. */
        public abstract Secret build();
    }

    /** A sealed secret: values sealed for the cluster's sealed-secrets controller, now or at render time. */
    public static final class SealedBuilder extends Builder<SealedBuilder> {
        private SealScope scope = SealScope.STRICT;

        SealedBuilder(String name) {
            super(name);
        }

        @Override
        SealedBuilder self() {
            return this;
        }

        /** An already sealed value (base64, as {@code kubeseal --raw} prints it), for every environment. */
        public SealedBuilder ciphertext(String key, String base64) {
            entries.add(new Entry(key, Optional.empty(), new Ciphertext(base64)));
            return this;
        }

        /**
         * An already sealed value for one environment: each environment's cluster has its own controller key, and a
         * strict value is bound to its namespace.
         */
        public SealedBuilder ciphertextIn(String environment, String key, String base64) {
            entries.add(new Entry(key, Copies.optional(environment), new Ciphertext(base64)));
            return this;
        }

        /** Every value of this secret in a sealed-values file, per environment. */
        public SealedBuilder sealedValues(SealedValues values) {
            if (values == null) {
                entries.add(null);
                return this;
            }
            values.of(name).forEach((environment, keys) -> keys.forEach((key, base64) ->
                    entries.add(new Entry(key, Optional.of(environment), new Ciphertext(base64)))));
            return this;
        }

        /** A value sealed at render time from an environment variable of the rendering process (e.g. a CI secret). */
        public SealedBuilder fromEnvironment(String key, String variable) {
            entries.add(new Entry(key, Optional.empty(), new FromEnvironment(variable)));
            return this;
        }

        /** A value sealed at render time from a file kept outside the repository. */
        public SealedBuilder fromFile(String key, String path) {
            entries.add(new Entry(key, Optional.empty(), new FromFile(path)));
            return this;
        }

        /** Where sealed values may be unsealed (strict unless set). */
        public SealedBuilder scope(SealScope sealScope) {
            this.scope = sealScope;
            return this;
        }

        @Override
        public Secret build() {
            return new Secret(name, Backend.SEALED, entries, type, scope, mountPath, env, Optional.empty(),
                    EXTERNAL_DEFAULT_REFRESH);
        }
    }

    /** An external secret: the External Secrets Operator fetches its values from a platform secret store. */
    public static final class ExternalBuilder extends Builder<ExternalBuilder> {
        private Optional<String> store = Optional.empty();
        private String refreshInterval = EXTERNAL_DEFAULT_REFRESH;

        ExternalBuilder(String name) {
            super(name);
        }

        @Override
        ExternalBuilder self() {
            return this;
        }

        /** The store key (path) and the property that hold the value of this Secret key. */
        public ExternalBuilder remote(String key, String storeKey, String property) {
            entries.add(new Entry(key, Optional.empty(), new Remote(storeKey, property)));
            return this;
        }

        /** The platform secret store to read from. */
        public ExternalBuilder store(String storeName) {
            this.store = Copies.optional(storeName);
            return this;
        }

        /** How often the operator refreshes (a Go duration such as {@code 1h} or {@code 15m}; default 1h). */
        public ExternalBuilder refreshInterval(String interval) {
            this.refreshInterval = interval;
            return this;
        }

        @Override
        public Secret build() {
            return new Secret(name, Backend.EXTERNAL, entries, type, SealScope.STRICT, mountPath, env, store,
                    refreshInterval);
        }
    }

    /** How often an external secret is refreshed unless it says otherwise. */
    static final String EXTERNAL_DEFAULT_REFRESH = "1h";
}
