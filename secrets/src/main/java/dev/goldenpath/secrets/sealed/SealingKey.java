package dev.goldenpath.secrets.sealed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

/**
 * The caller-held secret that makes sealing repeatable: with it, the same plaintext sealed for the
 * same scope and certificate gives the same ciphertext, so re-rendering a GitOps tree does not churn
 * every SealedSecret. It never goes into git: keep it in the CI secret store or a local file
 * (see {@code docs/secrets.md}).
 *
 * <p>Format: at least 32 random bytes, base64 encoded (standard or URL-safe alphabet). Generate one
 * with {@link #generate()} or {@code goldenpath seal --generate-sealing-key}.
 *
 * <pre>{@code
 * Sealer sealer = Sealer.with(cert).deterministic(SealingKey.fromEnv("GOLDENPATH_SEALING_KEY"));
 * }</pre>
 */
public final class SealingKey implements Destroyable {

    /** The environment variable the command line reads when no key file is given. */
    public static final String DEFAULT_ENVIRONMENT_VARIABLE = "GOLDENPATH_SEALING_KEY";

    static final int MINIMUM_BYTES = 32;

    private final byte[] key;
    private volatile boolean destroyed;

    private SealingKey(byte[] key) {
        this.key = key;
    }

    /** A new key from the platform's strong random source. */
    public static SealingKey generate() {
        byte[] key = new byte[MINIMUM_BYTES];
        new SecureRandom().nextBytes(key);
        return new SealingKey(key);
    }

    /**
     * Decodes a base64 key.
     *
     * @throws IllegalArgumentException when the text is not base64 or decodes to fewer than 32 bytes
     *         (the message never quotes the text)
     */
    public static SealingKey fromBase64(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return decode(encoded.strip().toCharArray(), "the given text");
    }

    /** Reads a base64 key from an environment variable; fails with a clear message when it is not set. */
    public static SealingKey fromEnv(String variable) {
        return fromEnvIfSet(variable).orElseThrow(() -> new IllegalStateException(
                "environment variable " + variable + " is not set; generate a key with"
                        + " `Seal --generate-sealing-key` and keep it in your CI secret store"));
    }

    /** Reads a base64 key from an environment variable, or empty when the variable is unset or blank. */
    public static Optional<SealingKey> fromEnvIfSet(String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(decode(value.strip().toCharArray(), "environment variable " + variable));
    }

    /** Reads a base64 key from a file (surrounding whitespace ignored); the file must stay out of git. */
    public static SealingKey fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sealing key file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        // Trim surrounding whitespace without going through an (unwipeable) String.
        int start = 0;
        int end = content.length;
        while (start < end && Character.isWhitespace(content[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(content[end - 1])) {
            end--;
        }
        byte[] ascii = Arrays.copyOfRange(content, start, end);
        Arrays.fill(content, (byte) 0);
        return decode(ascii, "file " + file);
    }

    private static SealingKey decode(char[] text, String source) {
        byte[] ascii = new byte[text.length];
        for (int i = 0; i < text.length; i++) {
            ascii[i] = (byte) text[i];
        }
        Arrays.fill(text, '\0');
        return decode(ascii, source);
    }

    /** Decodes base64 (either alphabet) and wipes {@code ascii}. */
    private static SealingKey decode(byte[] ascii, String source) {
        boolean urlSafe = false;
        for (byte b : ascii) {
            urlSafe |= b == '-' || b == '_';
        }
        byte[] key;
        try {
            key = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(ascii);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealing key from " + source + " is not base64");
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
        if (key.length < MINIMUM_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("sealing key from " + source + " has " + length
                    + " bytes; at least " + MINIMUM_BYTES + " random bytes are required");
        }
        return new SealingKey(key);
    }

    /** The key as base64 text, to store it once after {@link #generate()}. Treat the result as a secret. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(material());
    }

    /**
     * A sub-key for one purpose (HMAC-SHA256 of the purpose under this key), so the key that derives
     * ciphertext randomness and the key that computes fingerprints are independent.
     */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    private byte[] material() {
        if (destroyed) {
            throw new IllegalStateException("sealing key was destroyed");
        }
        return key;
    }

    /** Overwrites the key bytes with zeros. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Always {@code SealingKey[redacted]}. */
    @Override
    public String toString() {
        return "SealingKey[redacted]";
    }
}
