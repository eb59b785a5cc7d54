package dev.goldenpath.secrets.sealed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a sealing operation gets its two random inputs, the AES session key and the OAEP seed.
 *
 * <p>Fresh: the platform's {@link SecureRandom}, as kubeseal does. Derived: an HMAC-SHA256 key
 * derivation (RFC 5869 HKDF shape: extract, then expand with a counter) over everything the ciphertext
 * depends on, keyed by the caller's {@link SealingKey}. Equal inputs then give equal ciphertext; any
 * change of plaintext, scope, item or certificate gives unrelated randomness. Because the session key
 * is a function of the plaintext, the fixed GCM nonce is never reused with a different message.
 */
abstract sealed class Randomness {

    static final String SEAL_PURPOSE = "goldenpath/sealed-secrets/seal/v1";

    abstract byte[] sessionKey();

    abstract SecureRandom oaepRandom();

    /** Overwrites derived key material; fresh randomness holds none. */
    void wipe() {
    }

    static Randomness fresh(SecureRandom random) {
        return new Fresh(random);
    }

    /**
     * @param sealSubKey the {@link SealingKey} sub-key for {@link #SEAL_PURPOSE}
     * @param certificateFingerprint the certificate the value is sealed for
     * @param label the scope label
     * @param item what the value is within its secret (empty for a single raw value)
     */
    static Randomness derived(byte[] sealSubKey, String certificateFingerprint, byte[] label, byte[] item,
                              byte[] plaintext) {
        byte[] context = encode(certificateFingerprint.getBytes(StandardCharsets.UTF_8), label, item, plaintext);
        try {
            return new Derived(hmac(sealSubKey, context));
        } finally {
            Arrays.fill(context, (byte) 0);
        }
    }

    /** Length-prefixed concatenation, so no two different input tuples give the same bytes. */
    static byte[] encode(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += 4 + part.length;
        }
        // Sized exactly: a growing buffer would leave copies of the plaintext behind.
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    private static final class Fresh extends Randomness {
        private final SecureRandom random;

        Fresh(SecureRandom random) {
            this.random = random;
        }

        @Override
        byte[] sessionKey() {
            byte[] key = new byte[HybridEncryption.SESSION_KEY_BYTES];
            random.nextBytes(key);
            return key;
        }

        @Override
        SecureRandom oaepRandom() {
            return random;
        }
    }

    private static final class Derived extends Randomness {
        private final byte[] pseudoRandomKey;

        Derived(byte[] pseudoRandomKey) {
            this.pseudoRandomKey = pseudoRandomKey;
        }

        @Override
        byte[] sessionKey() {
            return new Stream(pseudoRandomKey, "aes-256-gcm session key").next(HybridEncryption.SESSION_KEY_BYTES);
        }

        @Override
        SecureRandom oaepRandom() {
            return new StreamRandom(new Stream(pseudoRandomKey, "rsa-oaep seed"));
        }

        @Override
        void wipe() {
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }

    /** HKDF-Expand: T(i) = HMAC(PRK, T(i-1) | info | i), read as one byte stream. */
    static final class Stream {
        private final byte[] pseudoRandomKey;
        private final byte[] info;
        private byte[] block = new byte[0];
        private int used;
        private int counter;

        Stream(byte[] pseudoRandomKey, String info) {
            this.pseudoRandomKey = pseudoRandomKey;
            this.info = info.getBytes(StandardCharsets.UTF_8);
        }

        byte[] next(int length) {
            byte[] out = new byte[length];
            fill(out);
            return out;
        }

        synchronized void fill(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                if (used == block.length) {
                    counter++;
                    if (counter > 255) {
                        throw new IllegalStateException("HKDF-Expand output limit reached");
                    }
                    byte[] input = new byte[block.length + info.length + 1];
                    System.arraycopy(block, 0, input, 0, block.length);
                    System.arraycopy(info, 0, input, block.length, info.length);
                    input[input.length - 1] = (byte) counter;
                    block = hmac(pseudoRandomKey, input);
                    used = 0;
                }
                out[i] = block[used++];
            }
        }
    }

    /**
     * A {@link SecureRandom} that replays a derived stream; handed to {@code Cipher.init} which,
     * per its contract, takes the OAEP seed from it.
     */
    private static final class StreamRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        StreamRandom(Stream stream) {
            super(new StreamSpi(stream), null);
        }
    }

    private static final class StreamSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient Stream stream;

        StreamSpi(Stream stream) {
            this.stream = stream;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Ignored: the stream is fully determined by its derivation inputs.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            stream.fill(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return stream.next(numBytes);
        }
    }
}
