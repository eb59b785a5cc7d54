package dev.goldenpath.secrets.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.testing.ControllerCertificates;
import dev.goldenpath.secrets.testing.TestCertificates;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What may and may not be handed over as a sealing certificate, in PEM or DER, beyond the key itself. */
class CertificateInputTest {

    private static final KeyPair KEYS = TestCertificates.controllerKeys();
    private static final KeyPair OTHER = TestCertificates.renewedControllerKeys();
    private static final String PEM = ControllerCertificates.certificate(KEYS);
    private static final byte[] DER = ControllerCertificates.der(PEM);

    @Test
    void refusesNonRsaKeysInTheControllersTemplate() {
        SealingCertificateException error = refused(ControllerCertificates.certificate(TestCertificates.ec()));
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).startsWith("key algorithm is EC"), error.getMessage());
    }

    @Test
    void refusesASmallPublicExponent() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(3)));
        SealingCertificateException error = refused(ControllerCertificates.certificate(generator.generateKeyPair()));
        assertTrue(error.problems().get(0).contains("public exponent is 3"), error.getMessage());
    }

    @Test
    void usesTheFirstCertificateOfAChainAsKubesealDoes() {
        String chain = PEM + ControllerCertificates.certificate(OTHER);
        assertEquals(KEYS.getPublic(), SealingCertificate.fromPem(chain).publicKey());
    }

    @Test
    void refusesAChainWhoseLaterBlockIsNoCertificate() {
        String chain = PEM + ControllerCertificates.pem("not a certificate".getBytes(StandardCharsets.US_ASCII));
        SealingCertificateException error = refused(chain);
        assertTrue(error.problems().get(0).startsWith("certificate 2 of 2 is not a DER X.509 certificate"),
                error.getMessage());
    }

    @Test
    void refusesAPrivateKeyNextToTheCertificateWithoutQuotingIt() {
        String key = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(KEYS.getPrivate().getEncoded());
        String withKey = PEM + "-----BEGIN " + "PRIVATE KEY-----\n" + key + "\n-----END PRIVATE KEY-----\n";

        SealingCertificateException error = refused(withKey);
        assertTrue(error.getMessage().contains("'PRIVATE KEY' at line"), error.getMessage());
        assertTrue(error.getMessage().contains("is a private key"), error.getMessage());
        assertFalse(error.getMessage().contains(key.substring(0, 40)), "never echoes key material");
    }

    @Test
    void refusesOtherBlockTypes() {
        String publicKey = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertTrue(refused(publicKey).getMessage().contains("'PUBLIC KEY' at line 1 is not a CERTIFICATE"));
    }

    @Test
    void refusesTruncatedPem() {
        String noEnd = PEM.substring(0, PEM.indexOf("-----END"));
        List<String> lines = PEM.lines().toList();
        // Whole 64-character lines removed: still valid base64, but the DER inside is cut short.
        String shortBody = String.join("\n", lines.subList(0, 10)) + "\n" + lines.get(lines.size() - 1) + "\n";

        assertTrue(refused(noEnd).getMessage().contains("has no END line (truncated?)"));
        assertTrue(refused(shortBody).getMessage().contains("truncated"), refused(shortBody).getMessage());
    }

    @Test
    void refusesAlteredBase64InsteadOfSkippingIt() {
        String altered = PEM.replaceFirst("\n(.)", "\n!$1");
        assertTrue(refused(altered).getMessage().contains("is not valid base64"), refused(altered).getMessage());
    }

    @Test
    void refusesMismatchedEndLines() {
        String mismatched = PEM.replace("-----END CERTIFICATE-----", "-----END X509 CRL-----");
        assertTrue(refused(mismatched).getMessage().contains("ends with '-----END X509 CRL-----'"));
    }

    @Test
    void refusesEmptyAndForeignInput() {
        assertEquals("empty: no certificate found", refused("  \n").problems().get(0));
        assertTrue(refused("hello").problems().get(0).startsWith("neither PEM text"));
    }

    @Test
    void acceptsExplanatoryTextAroundTheBlock() {
        String withText = "Certificate:\n    Data:\n        Version: 3 (0x2)\n" + PEM + "trailing words\n";
        assertEquals(KEYS.getPublic(), SealingCertificate.fromPem(withText).publicKey());
    }

    @Test
    void refusesDerThatIsNotStrictDer() {
        byte[] trailing = Arrays.copyOf(DER, DER.length + 2);
        // Outer SEQUENCE header 30 82 hi lo: re-encode its length on three bytes (BER allows it, DER does not).
        byte[] longLength = new byte[DER.length + 1];
        longLength[0] = 0x30;
        longLength[1] = (byte) 0x83;
        longLength[2] = 0;
        System.arraycopy(DER, 2, longLength, 3, DER.length - 2);
        // Indefinite length, closed by an end-of-contents marker.
        byte[] indefinite = new byte[DER.length - 2 + 2];
        indefinite[0] = 0x30;
        indefinite[1] = (byte) 0x80;
        System.arraycopy(DER, 4, indefinite, 2, DER.length - 4);

        assertTrue(refusedDer(trailing).contains("2 bytes after the end"), refusedDer(trailing));
        assertTrue(refusedDer(longLength).contains("not minimally encoded"), refusedDer(longLength));
        assertTrue(refusedDer(indefinite).contains("indefinite length"), refusedDer(indefinite));
    }

    private static SealingCertificateException refused(String pem) {
        return assertThrows(SealingCertificateException.class, () -> SealingCertificate.fromPem(pem));
    }

    private static String refusedDer(byte[] der) {
        return assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.parse(der, "test", java.time.Instant.now())).getMessage();
    }
}
