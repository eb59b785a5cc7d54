package dev.goldenpath.secrets.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingCertificateTest {

    private static final Instant NOW = TestCertificates.now();
    private static final KeyPair RSA = TestCertificates.renewedControllerKeys();

    @Test
    void acceptsTheControllersRsaCertificate() {
        SealingCertificate cert = SealingCertificate.fromPem(TestCertificates.controllerCertificate());

        assertEquals(TestCertificates.controllerKeys().getPublic(), cert.publicKey());
        assertEquals(cert, SealingCertificate.fromPem(cert.pem()), "pem() round-trips");
        assertTrue(cert.toString().contains(cert.fingerprint()));
    }

    @Test
    void readsPemFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pub-cert.pem");
        Files.writeString(file, TestCertificates.controllerCertificate());
        assertEquals(SealingCertificate.fromPem(TestCertificates.controllerCertificate()),
                SealingCertificate.fromPemFile(file));
        SealingCertificateException missing = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPemFile(dir.resolve("absent.pem")));
        assertTrue(missing.getMessage().contains("absent.pem"), missing.getMessage());
    }

    @Test
    void fingerprintIsUpstreamsSshSha256Fingerprint() throws Exception {
        // crypto.PublicKeyFingerprint: ssh.FingerprintSHA256(ssh.NewPublicKey(rsaKey)).
        RSAPublicKey key = (RSAPublicKey) RSA.getPublic();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(wire);
        for (byte[] field : List.of("ssh-rsa".getBytes(), key.getPublicExponent().toByteArray(),
                key.getModulus().toByteArray())) {
            out.writeInt(field.length);
            out.write(field);
        }
        String expected = "SHA256:" + Base64.getEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(wire.toByteArray()));

        assertEquals(expected, SealingCertificate.fromPem(TestCertificates.renewedControllerCertificate()).fingerprint());
    }

    @Test
    void rejectsExpiredCertificates() {
        String expired = TestCertificates.selfSigned(RSA, "old",
                NOW.minus(400, ChronoUnit.DAYS), NOW.minus(35, ChronoUnit.DAYS));
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(expired));
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).startsWith("expired: valid until"), error.getMessage());
    }

    @Test
    void rejectsCertificatesNotValidYet() {
        String future = TestCertificates.selfSigned(RSA, "future",
                NOW.plus(2, ChronoUnit.DAYS), NOW.plus(400, ChronoUnit.DAYS));
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(future));
        assertTrue(error.problems().get(0).startsWith("not valid yet"), error.getMessage());
    }

    @Test
    void rejectsNonRsaKeysAndListsEveryProblem() {
        String ecExpired = TestCertificates.selfSigned(TestCertificates.ec(), "ec",
                NOW.minus(10, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS));
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(ecExpired));

        assertEquals(2, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).contains("key algorithm is EC"), error.getMessage());
        assertTrue(error.problems().get(0).contains("RSA key is required"), error.getMessage());
        assertTrue(error.problems().get(1).startsWith("expired"), error.getMessage());
    }

    @Test
    void rejectsWeakRsaKeys() {
        String weak = TestCertificates.selfSigned(TestCertificates.rsa(1024), "weak");
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(weak));
        assertTrue(error.problems().get(0).contains("1024 bits"), error.getMessage());
    }

    @Test
    void rejectsTextThatIsNoCertificate() {
        assertThrows(SealingCertificateException.class, () -> SealingCertificate.fromPem(""));
        assertThrows(SealingCertificateException.class, () -> SealingCertificate.fromPem(
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"));
    }
}
