package dev.goldenpath.secrets.sealed;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sealing certificate must satisfy beyond being well-formed DER. Each rule names its source.
 *
 * <p>Deliberately not enforced: KeyUsage and BasicConstraints. The controller marks its own certificate
 * {@code encipherOnly} and CA (upstream {@code pkg/crypto/keys.go}), which under RFC 5280 4.2.1.3 does not
 * allow key encipherment; enforcing it would refuse every certificate the controller makes. kubeseal
 * ignores both too.
 */
final class CertificateRules {

    static final int MINIMUM_MODULUS_BITS = 2048;
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final BigInteger MINIMUM_EXPONENT = BigInteger.valueOf(65537);

    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "1.2.840.10045.2.1", "EC",
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.113549.1.1.10", "RSASSA-PSS (signature-only RSA)");

    // RFC 4055 / RFC 8017 PKCS #1 v1.5 signature OIDs, by JDK algorithm name.
    private static final Map<String, String> SIGNATURES = Map.of(
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.2.840.113549.1.1.11", "SHA256withRSA",
            "1.2.840.113549.1.1.12", "SHA384withRSA",
            "1.2.840.113549.1.1.13", "SHA512withRSA");

    private CertificateRules() {
    }

    /** The RSA key, if the key rules hold; otherwise adds why not to {@code problems}. */
    static Optional<RSAPublicKey> key(CertificateStructure certificate, List<String> problems) {
        if (!certificate.keyAlgorithm().equals(RSA_ENCRYPTION)) {
            // kubeseal ParseKey: "expected RSA public key"; the controller decrypts RSA-OAEP only.
            problems.add("key algorithm is " + KEY_ALGORITHMS.getOrDefault(certificate.keyAlgorithm(),
                    "OID " + certificate.keyAlgorithm()) + ", but the sealed-secrets controller decrypts RSA-OAEP"
                    + " only: an RSA key is required");
            return Optional.empty();
        }
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(certificate.subjectPublicKeyInfo()));
        } catch (GeneralSecurityException e) {
            problems.add("the RSA public key cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        int size = key.getModulus().bitLength();
        int before = problems.size();
        if (size < MINIMUM_MODULUS_BITS) {
            problems.add("RSA key has " + size + " bits; at least " + MINIMUM_MODULUS_BITS
                    + " are required (NIST SP 800-131A)");
        }
        if (!key.getModulus().testBit(0)) {
            problems.add("RSA modulus is even, so it is trivially factored: not a real RSA key");
        }
        // NIST SP 800-56B rev. 2, 6.2.1: e odd and at least 65537. e = 1 would leave the session key
        // readable by anyone; a certificate with it can only be an attack or a broken tool.
        BigInteger e = key.getPublicExponent();
        if (!e.testBit(0) || e.compareTo(MINIMUM_EXPONENT) < 0) {
            problems.add("RSA public exponent is " + e + "; it must be odd and at least 65537 (NIST SP 800-56B)");
        }
        return problems.size() == before ? Optional.of(key) : Optional.empty();
    }

    /** RFC 5280 4.1.2.5: the certificate is valid in [notBefore, notAfter]; kubeseal refuses expired ones. */
    static void validity(CertificateStructure certificate, Instant now, List<String> problems) {
        if (now.isBefore(certificate.notBefore())) {
            problems.add("not valid yet: valid from " + certificate.notBefore() + ", now is " + now);
        }
        if (now.isAfter(certificate.notAfter())) {
            problems.add("expired: valid until " + certificate.notAfter() + ", now is " + now
                    + "; fetch the controller's current certificate (kubeseal --fetch-cert)");
        }
    }

    /**
     * Checks the signature where it can be checked without a trust anchor: a self-issued certificate (the
     * controller's always is) must verify with its own key. This proves the bytes were not altered after
     * signing, not who made them. A certificate issued by another name (brought-your-own, signed by a CA)
     * is not verified: there is no CA to verify it with.
     *
     * @return whether the signature was verified
     */
    static boolean signature(CertificateStructure certificate, RSAPublicKey key, List<String> problems) {
        // RFC 5280 4.1.1.2: signatureAlgorithm MUST equal the signature field of the TBSCertificate.
        if (!Arrays.equals(certificate.tbsSignature(), certificate.signatureAlgorithm())) {
            problems.add("the signature algorithm inside the certificate differs from the outer one"
                    + " (RFC 5280 4.1.1.2): the certificate was altered");
            return false;
        }
        String algorithm = SIGNATURES.get(certificate.signatureOid());
        if (!certificate.selfIssued() || algorithm == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(certificate.tbs());
            if (verifier.verify(certificate.signature())) {
                return true;
            }
        } catch (GeneralSecurityException e) {
            // A malformed signature value is the same finding as a wrong one.
        }
        problems.add("the self-signature does not verify with the certificate's own key: the certificate"
                + " was altered or corrupted");
        return false;
    }
}
