package dev.goldenpath.secrets.testing;

import dev.goldenpath.secrets.sealed.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the sealed-secrets controller does when it unseals, written from the upstream Go source
 * (pkg/crypto/crypto.go HybridDecrypt; pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go
 * Unseal, labelFor, SecretScope, EncryptionLabel) and deliberately independent of the main code:
 * it shares no class with the sealer, so a mistake there cannot hide here.
 */
public final class Controller {

    private Controller() {
    }

    /** Unseals every key of {@code sealed} as the controller would; throws on the first failure. */
    public static Map<String, byte[]> unseal(SealedSecret sealed, PrivateKey key) throws GeneralSecurityException {
        // Unseal: label := labelFor(s.GetObjectMeta()), i.e. the SealedSecret's own metadata.
        String namespace = sealed.getMetadata().getNamespace();
        String name = sealed.getMetadata().getName();
        Map<String, String> annotations = sealed.getMetadata().getAnnotations() == null
                ? Map.of() : sealed.getMetadata().getAnnotations();
        byte[] label = label(namespace, name, annotations);
        Map<String, byte[]> data = new TreeMap<>();
        for (Map.Entry<String, String> entry : sealed.getSpec().encryptedData().entrySet()) {
            data.put(entry.getKey(), hybridDecrypt(key, Base64.getDecoder().decode(entry.getValue()), label));
        }
        return data;
    }

    /** SecretScope + EncryptionLabel: cluster-wide wins over namespace-wide, strict otherwise. */
    public static byte[] label(String namespace, String name, Map<String, String> annotations) {
        String label;
        if ("true".equals(annotations.get("sealedsecrets.bitnami.com/cluster-wide"))) {
            label = "";
        } else if ("true".equals(annotations.get("sealedsecrets.bitnami.com/namespace-wide"))) {
            label = namespace;
        } else {
            label = namespace + "/" + name;
        }
        return label.getBytes(StandardCharsets.UTF_8);
    }

    /** HybridDecrypt: uint16 length | RSA-OAEP(SHA-256) session key | AES-GCM with a zero nonce. */
    public static byte[] hybridDecrypt(PrivateKey key, byte[] ciphertext, byte[] label) throws GeneralSecurityException {
        if (ciphertext.length < 2) {
            throw new GeneralSecurityException("SealedSecret data is too short");
        }
        int rsaLength = ((ciphertext[0] & 0xFF) << 8) | (ciphertext[1] & 0xFF);
        if (ciphertext.length < rsaLength + 2) {
            throw new GeneralSecurityException("SealedSecret data is too short");
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(label)));
        byte[] sessionKey = rsa.doFinal(ciphertext, 2, rsaLength);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(128, new byte[12]));
        return aes.doFinal(ciphertext, 2 + rsaLength, ciphertext.length - 2 - rsaLength);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
