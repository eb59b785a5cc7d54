package dev.goldenpath.secrets.sealed;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealed-secrets hybrid encryption, byte for byte as upstream {@code pkg/crypto/crypto.go}
 * {@code HybridEncrypt} lays it out, so the real controller's {@code HybridDecrypt} opens it:
 *
 * <pre>
 *   uint16 big-endian length of the RSA ciphertext
 *   RSA-OAEP(SHA-256, MGF1-SHA-256, label = scope label)(32-byte AES session key)
 *   AES-256-GCM(session key, 12 zero bytes nonce, no additional data)(plaintext) with its 16-byte tag
 * </pre>
 *
 * <p>The zero nonce is upstream's choice and sound because each session key encrypts one message.
 * Go's {@code rsa.EncryptOAEP(sha256.New(), ...)} uses SHA-256 for MGF1 too; the JDK's
 * {@code OAEPWithSHA-256AndMGF1Padding} defaults MGF1 to SHA-1, hence the explicit parameters.
 */
final class HybridEncryption {

    static final int SESSION_KEY_BYTES = 32;
    static final int GCM_NONCE_BYTES = 12;
    static final int GCM_TAG_BITS = 128;

    private HybridEncryption() {
    }

    /**
     * Seals {@code plaintext}. The session key is used once and wiped by the caller; {@code oaepRandom}
     * supplies the OAEP seed.
     */
    static byte[] encrypt(RSAPublicKey publicKey, byte[] plaintext, byte[] label, byte[] sessionKey,
                          SecureRandom oaepRandom) {
        if (sessionKey.length != SESSION_KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 session key must have 32 bytes");
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey, oaepParameters(label), oaepRandom);
            byte[] wrappedKey = rsa.doFinal(sessionKey);
            if (wrappedKey.length > 0xFFFF) {
                throw new IllegalArgumentException("RSA ciphertext longer than the 16-bit length prefix allows");
            }

            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"),
                    new GCMParameterSpec(GCM_TAG_BITS, new byte[GCM_NONCE_BYTES]));
            byte[] sealedValue = aes.doFinal(plaintext);

            byte[] out = new byte[2 + wrappedKey.length + sealedValue.length];
            out[0] = (byte) (wrappedKey.length >>> 8);
            out[1] = (byte) wrappedKey.length;
            System.arraycopy(wrappedKey, 0, out, 2, wrappedKey.length);
            System.arraycopy(sealedValue, 0, out, 2 + wrappedKey.length, sealedValue.length);
            return out;
        } catch (GeneralSecurityException e) {
            // The JDK's messages name algorithms and sizes, never the plaintext.
            throw new IllegalStateException("sealing failed: " + e.getMessage(), e);
        }
    }

    static OAEPParameterSpec oaepParameters(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(Arrays.copyOf(label, label.length)));
    }
}
