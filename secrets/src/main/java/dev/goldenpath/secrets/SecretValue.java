package dev.goldenpath.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A plaintext secret (a password, a token, a key file) on its way to being sealed.
 *
 * <p>The value never shows itself: {@link #toString()} is redacted, exceptions never quote it, and
 * {@link #destroy()} overwrites the bytes held here with zeros. Equality is identity: comparing two
 * secrets by content is a job for the code that consumes them, not for collections or logs.
 *
 * <pre>{@code
 * char[] typed = console.readPassword("password: ");
 * try (SecretValue password = SecretValue.of(typed)) {   // copies, then the caller wipes `typed`
 *     Arrays.fill(typed, '\0');
 *     String sealed = sealer.seal(password, Scope.strict("payments", "db-creds"));
 * }
 * }</pre>
 */
public final class SecretValue implements Destroyable, AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Encodes the characters as UTF-8. The caller keeps ownership of {@code chars} and should wipe it. */
    public static SecretValue of(char[] chars) {
        Objects.requireNonNull(chars, "chars");
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(chars));
            byte[] copy = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            // The encoder's buffer is larger than the result and held plaintext too.
            Arrays.fill(encoded.array(), (byte) 0);
            return new SecretValue(copy);
        } catch (CharacterCodingException e) {
            // Deliberately no cause: the coder's message may point at the offending character.
            throw new IllegalArgumentException("secret value is not valid UTF-16 text (unpaired surrogate)");
        }
    }

    /**
     * Encodes a string as UTF-8. Strings cannot be wiped from memory; prefer {@link #of(char[])} or
     * {@link #ofBytes(byte[])} when the value comes from a console, a file or the environment.
     */
    public static SecretValue of(String text) {
        Objects.requireNonNull(text, "text");
        return new SecretValue(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies arbitrary bytes (a key file, a keystore). The caller keeps ownership of {@code bytes}. */
    public static SecretValue ofBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new SecretValue(bytes.clone());
    }

    /**
     * A fresh copy of the plaintext bytes. The caller owns the copy and should overwrite it with zeros
     * when done ({@code Arrays.fill(copy, (byte) 0)}).
     *
     * @throws IllegalStateException once the value was destroyed
     */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("secret value was destroyed");
        }
        return bytes.clone();
    }

    /** Whether the plaintext has no bytes at all; an empty secret is usually a mistake worth reporting. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Overwrites the plaintext held by this object with zeros; later {@link #bytes()} calls fail. */
    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}, for try-with-resources. */
    @Override
    public void close() {
        destroy();
    }

    /** Always {@code SecretValue[redacted]}: neither content nor length is shown. */
    @Override
    public String toString() {
        return "SecretValue[redacted]";
    }
}
