package dev.goldenpath.secrets.sealed;

import dev.goldenpath.secrets.SecretValue;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Seals values and whole Secrets for the sealed-secrets controller with its public certificate.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #with(SealingCertificate) fresh} (kubeseal's behaviour): new randomness for every
 *       value, so every render changes every ciphertext;</li>
 *   <li>{@link #deterministic(SealingKey) deterministic}: randomness derived from a caller-held
 *       {@link SealingKey}, the certificate, the scope and the plaintext. Ciphertext changes exactly
 *       when one of them changes, and with a {@linkplain SecretSealing#previous(SealedSecret) previous
 *       render} it survives certificate renewal too. See {@code docs/secrets.md} for the reasoning.</li>
 * </ul>
 *
 * <pre>{@code
 * Sealer sealer = Sealer.with(SealingCertificate.fromPemFile(Path.of("pub-cert.pem")))
 *         .deterministic(SealingKey.fromEnv("GOLDENPATH_SEALING_KEY"));
 * String value = sealer.seal(SecretValue.of(chars), Scope.strict("payments", "db-creds"));
 * SealedSecret secret = sealer.secret("payments", "db-creds")
 *         .type("kubernetes.io/basic-auth")
 *         .label("app.kubernetes.io/part-of", "payments")
 *         .value("username", SecretValue.of("payments"))
 *         .value("password", SecretValue.of(chars))
 *         .seal();
 * }</pre>
 */
public final class Sealer {

    /**
     * Annotation on the SealedSecret (not on its template, so it never reaches the Secret) holding,
     * per key, a keyed fingerprint of the plaintext: {@code key=fingerprint} pairs, comma-separated,
     * sorted. Only written by deterministic sealers.
     */
    public static final String FINGERPRINTS_ANNOTATION = "goldenpath.dev/sealed-fingerprints";

    static final String FINGERPRINT_PURPOSE = "goldenpath/sealed-secrets/fingerprint/v1";
    private static final int FINGERPRINT_BYTES = 16;

    private final SealingCertificate certificate;
    private final SecureRandom random;
    private final byte[] sealSubKey;
    private final byte[] fingerprintSubKey;

    private Sealer(SealingCertificate certificate, SecureRandom random, byte[] sealSubKey, byte[] fingerprintSubKey) {
        this.certificate = certificate;
        this.random = random;
        this.sealSubKey = sealSubKey;
        this.fingerprintSubKey = fingerprintSubKey;
    }

    /** A sealer that uses fresh randomness for every value, like kubeseal. */
    public static Sealer with(SealingCertificate certificate) {
        return new Sealer(Objects.requireNonNull(certificate, "certificate"), new SecureRandom(), null, null);
    }

    /**
     * The same sealer, made deterministic by {@code key}. The key's sub-keys are derived now; the
     * caller may {@link SealingKey#destroy() destroy} the key afterwards.
     */
    public Sealer deterministic(SealingKey key) {
        Objects.requireNonNull(key, "key");
        return new Sealer(certificate, random, key.derive(Randomness.SEAL_PURPOSE), key.derive(FINGERPRINT_PURPOSE));
    }

    /** Whether equal inputs give equal ciphertext. */
    public boolean isDeterministic() {
        return sealSubKey != null;
    }

    /** The certificate values are sealed for. */
    public SealingCertificate certificate() {
        return certificate;
    }

    /**
     * Seals one value, like {@code kubeseal --raw}: base64 (standard alphabet, padded) of the hybrid
     * ciphertext, to be placed under {@code spec.encryptedData} of a SealedSecret matching
     * {@code scope}.
     */
    public String seal(SecretValue value, Scope scope) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scope, "scope");
        byte[] plaintext = value.bytes();
        try {
            return sealBytes(plaintext, scope.label(), new byte[0]);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Starts a SealedSecret called {@code name} in {@code namespace}; strict scope unless changed. */
    public SecretSealing secret(String namespace, String name) {
        return new SecretSealing(this, namespace, name);
    }

    private String sealBytes(byte[] plaintext, byte[] label, byte[] item) {
        Randomness randomness = isDeterministic()
                ? Randomness.derived(sealSubKey, certificate.fingerprint(), label, item, plaintext)
                : Randomness.fresh(random);
        byte[] sessionKey = randomness.sessionKey();
        try {
            byte[] sealed = HybridEncryption.encrypt(certificate.publicKey(), plaintext, label, sessionKey,
                    randomness.oaepRandom());
            return Base64.getEncoder().encodeToString(sealed);
        } finally {
            Arrays.fill(sessionKey, (byte) 0);
            randomness.wipe();
        }
    }

    private String fingerprint(byte[] plaintext, byte[] label, byte[] item) {
        byte[] message = Randomness.encode(label, item, plaintext);
        try {
            byte[] mac = Randomness.hmac(fingerprintSubKey, message);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, FINGERPRINT_BYTES));
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Sealer[" + certificate.fingerprint() + (isDeterministic() ? ", deterministic]" : ", fresh]");
    }

    /**
     * One SealedSecret being assembled: values, Secret type, labels, annotations, scope and, optionally,
     * the previous render whose ciphertext may be kept. Terminal operation: {@link #seal()}.
     *
     * <pre>{@code
     * SealedSecret next = sealer.secret("payments", "db-creds")
     *         .scope(Scope.Kind.NAMESPACE_WIDE)
     *         .values(Map.of("password", password))
     *         .previous(lastRender)     // keep its ciphertext for unchanged values
     *         .seal();
     * }</pre>
     */
    public static final class SecretSealing {
        private final Sealer sealer;
        private final SealedSecret.Builder builder;
        private final Map<String, SecretValue> values = new TreeMap<>();
        private SealedSecret previous;

        private SecretSealing(Sealer sealer, String namespace, String name) {
            this.sealer = sealer;
            this.builder = SealedSecret.builder(namespace, name);
        }

        /** Strict (default), namespace-wide or cluster-wide. */
        public SecretSealing scope(Scope.Kind kind) {
            builder.scope(kind);
            return this;
        }

        /** The Secret type; {@code Opaque} unless set. */
        public SecretSealing type(String type) {
            builder.type(type);
            return this;
        }

        /** Marks the resulting Secret immutable. */
        public SecretSealing immutable(boolean immutable) {
            builder.immutable(immutable);
            return this;
        }

        /** Adds one value under a Secret key. The caller keeps ownership of {@code value}. */
        public SecretSealing value(String key, SecretValue value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every entry. */
        public SecretSealing values(Map<String, SecretValue> entries) {
            entries.forEach(this::value);
            return this;
        }

        /** A label of the resulting Secret. */
        public SecretSealing label(String key, String value) {
            builder.label(key, value);
            return this;
        }

        /** Adds every label. */
        public SecretSealing labels(Map<String, String> entries) {
            builder.labels(entries);
            return this;
        }

        /** An annotation of the resulting Secret (scope annotations are managed here, not by callers). */
        public SecretSealing annotation(String key, String value) {
            builder.annotation(key, value);
            return this;
        }

        /**
         * The SealedSecret this render produced last time. A deterministic sealer keeps a previous
         * ciphertext when the stored fingerprint shows the value, scope and coordinates are unchanged,
         * even if the certificate was renewed since; everything else is sealed anew.
         */
        public SecretSealing previous(SealedSecret previous) {
            this.previous = Objects.requireNonNull(previous, "previous");
            return this;
        }

        /**
         * Seals every value and returns the SealedSecret.
         *
         * @throws IllegalArgumentException listing every invalid input (never quoting a value)
         * @throws IllegalStateException    when a previous render is given to a non-deterministic sealer
         */
        public SealedSecret seal() {
            List<String> problems = new ArrayList<>();
            builder.problems(problems, false);
            builder.contentProblems(values.keySet(), problems);
            if (values.isEmpty()) {
                problems.add("no values to seal (the controller would create an empty Secret)");
            }
            values.forEach((key, value) -> {
                SealedSecret.Builder.checkKey(key, problems);
                if (value.isDestroyed()) {
                    problems.add("value of key '" + key + "' was destroyed before sealing");
                }
            });
            if (!problems.isEmpty()) {
                throw builder.invalid(problems);
            }
            if (previous != null && !sealer.isDeterministic()) {
                throw new IllegalStateException("reusing a previous render needs a sealing key: without one,"
                        + " nothing can tell whether the previous ciphertext still holds the current value");
            }
            Scope target = Scope.of(builder.scope(), builder.namespace(), builder.name());
            byte[] label = target.label();
            Map<String, String> reusable = reusableFingerprints(target);
            Map<String, String> fingerprints = new TreeMap<>();
            values.forEach((key, value) -> {
                byte[] item = Randomness.encode(bytes(builder.namespace()), bytes(builder.name()), bytes(key));
                byte[] plaintext = value.bytes();
                try {
                    if (sealer.isDeterministic()) {
                        String fingerprint = sealer.fingerprint(plaintext, label, item);
                        fingerprints.put(key, fingerprint);
                        if (constantTimeEquals(fingerprint, reusable.get(key))) {
                            builder.encryptedValue(key, previous.getSpec().encryptedData().get(key));
                            return;
                        }
                    }
                    builder.encryptedValue(key, sealer.sealBytes(plaintext, label, item));
                } finally {
                    Arrays.fill(plaintext, (byte) 0);
                }
            });
            if (!fingerprints.isEmpty()) {
                builder.ownAnnotation(FINGERPRINTS_ANNOTATION, formatFingerprints(fingerprints));
            }
            return builder.assemble();
        }

        /** Fingerprints of the previous render that may be trusted: same coordinates and same scope. */
        private Map<String, String> reusableFingerprints(Scope target) {
            if (previous == null) {
                return Map.of();
            }
            ObjectMeta old = previous.getMetadata();
            if (!builder.namespace().equals(old.getNamespace()) || !builder.name().equals(old.getName())
                    || previous.scope().kind() != target.kind()) {
                return Map.of();
            }
            Map<String, String> oldAnnotations = old.getAnnotations() == null ? Map.of() : old.getAnnotations();
            Map<String, String> parsed = parseFingerprints(oldAnnotations.get(FINGERPRINTS_ANNOTATION));
            parsed.keySet().retainAll(previous.getSpec().encryptedData().keySet());
            return parsed;
        }
    }

    static String formatFingerprints(Map<String, String> fingerprints) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(fingerprints).forEach((key, fingerprint) ->
                out.append(out.length() == 0 ? "" : ",").append(key).append('=').append(fingerprint));
        return out.toString();
    }

    static Map<String, String> parseFingerprints(String annotation) {
        Map<String, String> parsed = new TreeMap<>();
        if (annotation == null || annotation.isBlank()) {
            return parsed;
        }
        for (String pair : annotation.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && equals < pair.length() - 1) {
                parsed.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return parsed;
    }

    private static boolean constantTimeEquals(String computed, String stored) {
        return stored != null && MessageDigest.isEqual(bytes(computed), bytes(stored));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
