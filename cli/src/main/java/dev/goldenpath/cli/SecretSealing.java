package dev.goldenpath.cli;

import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.sealed.Scope;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.Sealer;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code goldenpath seal --secret}: a v1 Secret read from standard input, sealed into a SealedSecret as kubeseal
 * does: its name, namespace, type, labels and annotations kept, its scope from {@code --scope} or else its own scope
 * annotations, {@code stringData} merged over {@code data} as the API server does.
 */
final class SecretSealing {

    /** Last-applied annotations hold a plaintext copy of the Secret (upstream issue #227). */
    private static final List<String> LAST_APPLIED = List.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "kubecfg.ksonnet.io/last-applied-configuration");

    private final Console console;
    private final Scope.Kind scope;
    private final String namespace;
    private final String name;
    private final Path previous;

    SecretSealing(Console console, Scope.Kind scope, String namespace, String name, Path previous) {
        this.console = console;
        this.scope = scope;
        this.namespace = namespace;
        this.name = name;
        this.previous = previous;
    }

    /** Reads the Secret and returns the SealedSecret as YAML; the sealer is asked for once the Secret is read. */
    String seal(Supplier<Sealer> sealer) throws IOException {
        String yaml = new String(console.in().readAllBytes(), StandardCharsets.UTF_8);
        Secret secret = YamlFormat.readSecret(yaml);
        if (secret == null || !"Secret".equals(secret.getKind()) || !"v1".equals(secret.getApiVersion())) {
            throw new IllegalArgumentException("standard input must be a v1 Secret, got "
                    + (secret == null ? "nothing" : secret.getApiVersion() + " " + secret.getKind()));
        }
        boolean hasMetadata = secret.getMetadata() != null;
        Map<String, String> annotations = new TreeMap<>(!hasMetadata || secret.getMetadata().getAnnotations() == null
                ? Map.of() : secret.getMetadata().getAnnotations());
        String sealedNamespace = coordinate("namespace", hasMetadata ? secret.getMetadata().getNamespace() : null, namespace);
        String sealedName = coordinate("name", hasMetadata ? secret.getMetadata().getName() : null, name);
        // Like kubeseal: --scope wins, otherwise the Secret's own scope annotations decide.
        Scope.Kind kind = scope != null ? scope
                : "true".equals(annotations.get(Scope.CLUSTER_WIDE_ANNOTATION)) ? Scope.Kind.CLUSTER_WIDE
                : "true".equals(annotations.get(Scope.NAMESPACE_WIDE_ANNOTATION)) ? Scope.Kind.NAMESPACE_WIDE
                : Scope.Kind.STRICT;
        annotations.keySet().removeAll(LAST_APPLIED);
        annotations.remove(Scope.CLUSTER_WIDE_ANNOTATION);
        annotations.remove(Scope.NAMESPACE_WIDE_ANNOTATION);

        Map<String, SecretValue> values = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, encoded) -> {
                try {
                    // Strict like the API server; only whitespace (folded YAML) is tolerated.
                    byte[] decoded = Base64.getDecoder().decode(encoded == null ? "" : encoded.replaceAll("\\s", ""));
                    values.put(key, SecretValue.ofBytes(decoded));
                    Arrays.fill(decoded, (byte) 0);
                } catch (IllegalArgumentException e) {
                    problems.add("data." + key + " is not base64");
                }
            });
        }
        if (secret.getStringData() != null) {
            // The API server merges stringData over data; so does sealing.
            secret.getStringData().forEach((key, text) -> values.put(key, SecretValue.of(text == null ? "" : text)));
        }
        try {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            Sealer.SecretSealing sealing = sealer.get().secret(sealedNamespace, sealedName)
                    .scope(kind)
                    .type(secret.getType() == null || secret.getType().isBlank() ? "Opaque" : secret.getType())
                    .values(values);
            if (secret.getImmutable() != null) {
                sealing.immutable(secret.getImmutable());
            }
            if (hasMetadata && secret.getMetadata().getLabels() != null) {
                sealing.labels(secret.getMetadata().getLabels());
            }
            annotations.forEach(sealing::annotation);
            if (previous != null) {
                sealing.previous(YamlFormat.read(Files.readString(previous), SealedSecret.class));
            }
            return YamlFormat.write(sealing.seal());
        } finally {
            values.values().forEach(SecretValue::destroy);
        }
    }

    private static String coordinate(String what, String fromSecret, String fromFlag) {
        if (fromSecret != null && !fromSecret.isEmpty() && fromFlag != null && !fromFlag.equals(fromSecret)) {
            throw new UsageError("--" + what + " " + fromFlag + " contradicts the Secret's metadata." + what
                    + " " + fromSecret);
        }
        String value = fromSecret != null && !fromSecret.isEmpty() ? fromSecret : fromFlag;
        if (value == null) {
            throw new UsageError("the Secret has no metadata." + what + "; add it or pass --" + what);
        }
        return value;
    }
}
