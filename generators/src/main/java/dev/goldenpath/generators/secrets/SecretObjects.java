package dev.goldenpath.generators.secrets;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Secret;
import dev.goldenpath.dsl.SecretStore;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.external.ExternalSecret;
import dev.goldenpath.secrets.external.RemoteRef;
import dev.goldenpath.secrets.external.SecretStoreRef;
import dev.goldenpath.secrets.external.VaultProvider;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.Scope;
import dev.goldenpath.secrets.sealed.Sealer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects that bring an app's secrets into the cluster without plaintext in git: a SealedSecret per sealed
 * secret, or an ExternalSecret and a SecretStore (Vault, Kubernetes auth as the app's own ServiceAccount) per
 * external one. Values sealed at render time are read from the rendering process's environment or from files, and
 * never written anywhere but into the ciphertext.
 */
public final class SecretObjects {

    private static final Pattern GO_DURATION = Pattern.compile("([0-9]+)(h|m|s)");

    private SecretObjects() {
    }

    /**
     * Renders the app's secret objects.
     *
     * @param sealer    the sealer of the instance's environment, when values are sealed at render time
     * @param previous  the SealedSecret of the previous render by name, so unchanged values keep their ciphertext
     * @param problems  collects what prevents rendering (missing sealer, unset variable, unreadable file); never values
     * @param variables how environment variables are read (the process environment in production)
     */
    public static List<HasMetadata> render(Platform platform, AppInstance instance, Optional<Sealer> sealer,
                                           Function<String, Optional<SealedSecret>> previous, List<String> problems,
                                           Function<String, String> variables) {
        List<HasMetadata> objects = new ArrayList<>();
        Map<String, String> labels = Labels.of(platform, instance);
        String where = "app " + instance.name() + " in " + instance.environment().name();
        for (Secret secret : instance.app().secrets()) {
            List<Secret.Entry> entries = secret.entries().stream()
                    .filter(e -> e.appliesIn(instance.environment().name())).toList();
            if (secret.backend() == Secret.Backend.EXTERNAL) {
                SecretStore store = platform.secretStore(secret.store().orElseThrow()).orElseThrow();
                String storeName = store.name() + "-" + instance.name();
                objects.add(dev.goldenpath.secrets.external.SecretStore.vault(instance.namespace(), storeName,
                        VaultProvider.at(store.server())
                                .withPath(store.path())
                                .withVersion(store.kvVersion() == 1 ? VaultProvider.KvVersion.V1 : VaultProvider.KvVersion.V2)
                                // Vault logs the operator in as the app's own ServiceAccount: Vault policies per app.
                                .withKubernetesAuth(store.authMount(), store.role(), instance.name())));
                ExternalSecret.Builder external = ExternalSecret.builder(instance.namespace(), secret.name())
                        .store(SecretStoreRef.secretStore(storeName))
                        .refreshInterval(duration(secret.refreshInterval()))
                        .type(secret.type())
                        .labels(labels);
                for (Secret.Entry entry : entries) {
                    Secret.Remote remote = (Secret.Remote) entry.source();
                    external.data(entry.key(), RemoteRef.of(remote.key(), remote.property()));
                }
                objects.add(external.build());
                continue;
            }
            Scope.Kind scope = Scope.Kind.valueOf(secret.scope().name());
            boolean sealedAlready = entries.stream().allMatch(e -> e.source() instanceof Secret.Ciphertext);
            if (sealedAlready) {
                SealedSecret.Builder builder = SealedSecret.builder(instance.namespace(), secret.name())
                        .scope(scope).type(secret.type()).labels(labels);
                entries.forEach(e -> builder.encryptedValue(e.key(), ((Secret.Ciphertext) e.source()).base64()));
                objects.add(builder.build());
                continue;
            }
            if (sealer.isEmpty()) {
                problems.add(where + ": secret " + secret.name() + " is sealed at render time, but no sealer is configured for "
                        + "environment " + instance.environment().name() + " (Renderer.sealing(environment, sealer))");
                continue;
            }
            Map<String, SecretValue> values = new LinkedHashMap<>();
            try {
                for (Secret.Entry entry : entries) {
                    read(entry, where + ": secret " + secret.name() + " key " + entry.key(), problems, variables)
                            .ifPresent(value -> values.put(entry.key(), value));
                }
                if (values.size() != entries.size()) {
                    continue;
                }
                Sealer.SecretSealing sealing = sealer.get().secret(instance.namespace(), secret.name())
                        .scope(scope).type(secret.type()).labels(labels).values(values);
                previous.apply(secret.name()).filter(p -> sealer.get().isDeterministic()).ifPresent(sealing::previous);
                objects.add(sealing.seal());
            } finally {
                values.values().forEach(SecretValue::destroy);
            }
        }
        // The custom resources carry the app's labels themselves too, not only on the Secret they create.
        for (HasMetadata object : objects) {
            Map<String, String> merged = new java.util.TreeMap<>(labels);
            if (object.getMetadata().getLabels() != null) {
                merged.putAll(object.getMetadata().getLabels());
            }
            object.getMetadata().setLabels(merged);
        }
        return objects;
    }

    private static Optional<SecretValue> read(Secret.Entry entry, String what, List<String> problems,
                                              Function<String, String> variables) {
        if (entry.source() instanceof Secret.FromEnvironment env) {
            String value = variables.apply(env.variable());
            if (value == null) {
                problems.add(what + ": environment variable " + env.variable() + " is not set");
                return Optional.empty();
            }
            return Optional.of(SecretValue.of(value));
        }
        Secret.FromFile file = (Secret.FromFile) entry.source();
        try {
            return Optional.of(SecretValue.ofBytes(Files.readAllBytes(Path.of(file.path()))));
        } catch (IOException | RuntimeException e) {
            // The exception names the file and the reason only: the content is never read into a message.
            problems.add(what + ": cannot read file " + file.path() + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** A Go duration such as {@code 1h30m} (validated by the DSL) as a {@link Duration}. */
    static Duration duration(String goDuration) {
        Duration total = Duration.ZERO;
        Matcher m = GO_DURATION.matcher(goDuration);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total.isZero() ? Duration.ofHours(1) : total;
    }
}
