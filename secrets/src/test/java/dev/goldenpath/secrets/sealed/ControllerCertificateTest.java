package dev.goldenpath.secrets.sealed;

import static dev.goldenpath.secrets.testing.Controller.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.ControllerCertificates;
import dev.goldenpath.secrets.testing.TestCertificates;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Certificates exactly as the sealed-secrets controller makes them (see {@link ControllerCertificates}). */
class ControllerCertificateTest {

    private static final KeyPair KEYS = TestCertificates.controllerKeys();
    private static final String PEM = ControllerCertificates.certificate(KEYS);

    @Test
    void theJdkRefusesTheControllersCertificateWhichIsWhyWeReadTheDerOurselves() {
        CertificateException error = assertThrows(CertificateException.class, () -> CertificateFactory
                .getInstance("X.509").generateCertificate(new ByteArrayInputStream(ControllerCertificates.der(PEM))));
        assertTrue(error.getMessage().contains("Empty issuer DN"), error.getMessage());
    }

    @Test
    void acceptsTheCertificateOfADefaultInstall() {
        SealingCertificate cert = SealingCertificate.fromPem(PEM);

        assertEquals(KEYS.getPublic(), cert.publicKey());
        assertTrue(cert.signatureVerified(), "self-signed: the signature verifies with its own key");
        assertEquals(ControllerCertificates.DEFAULT_TTL, Duration.between(cert.notBefore(), cert.notAfter()));
        assertTrue(cert.serialNumber().signum() >= 0 && cert.serialNumber().bitLength() <= 128);
        assertArrayEquals(ControllerCertificates.der(PEM), cert.der());
        assertEquals(PEM, cert.pem(), "pem() gives back the same bytes, wrapped as Go's pem.Encode does");
        assertTrue(cert.toString().contains("empty subject"), cert.toString());
    }

    @Test
    void acceptsANamedControllerCertificateToo() {
        SealingCertificate cert = SealingCertificate.fromPem(
                ControllerCertificates.certificate(KEYS, "sealed-secret", Instant.now(), Duration.ofDays(30)));
        assertTrue(cert.toString().contains("CN=sealed-secret"), cert.toString());
        assertTrue(cert.signatureVerified());
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void sealsEveryScopeForTheControllerToUnseal(Scope.Kind kind) throws Exception {
        SealedSecret sealed = Sealer.with(SealingCertificate.fromPem(PEM)).secret("payments", "db-creds")
                .scope(kind)
                .value("password", SecretValue.of("correct horse battery staple"))
                .seal();

        Map<String, byte[]> data = Controller.unseal(sealed, KEYS.getPrivate());
        assertEquals("correct horse battery staple", text(data.get("password")));
        assertEquals(kind, sealed.scope().kind());
    }

    @Test
    void readsTheCertificateFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pub-cert.pem");
        Files.writeString(file, PEM);
        assertEquals(KEYS.getPublic(), SealingCertificate.fromPemFile(file).publicKey());

        Path der = dir.resolve("pub-cert.der");
        Files.write(der, ControllerCertificates.der(PEM));
        assertEquals(KEYS.getPublic(), SealingCertificate.fromPemFile(der).publicKey(), "DER is read as well");
        // From the cluster: goldenpath-pipeline's ClusterCertificateTest.
    }

    @Test
    void refusesAnExpiredControllerCertificate() {
        String expired = ControllerCertificates.certificate(KEYS, "", Instant.now().minus(Duration.ofDays(40)),
                Duration.ofDays(30));
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(expired));
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).startsWith("expired: valid until"), error.getMessage());
    }

    @Test
    void refusesAControllerCertificateNotValidYet() {
        String future = ControllerCertificates.certificate(KEYS, "", Instant.now().plus(Duration.ofDays(2)),
                ControllerCertificates.DEFAULT_TTL);
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(future));
        assertTrue(error.problems().get(0).startsWith("not valid yet"), error.getMessage());
    }

    @Test
    void refusesAShortKeyAndListsEveryProblem() {
        String weakAndExpired = ControllerCertificates.certificate(TestCertificates.rsa(1024), "",
                Instant.now().minus(Duration.ofDays(40)), Duration.ofDays(30));
        SealingCertificateException error = assertThrows(SealingCertificateException.class,
                () -> SealingCertificate.fromPem(weakAndExpired));
        assertEquals(2, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).contains("RSA key has 1024 bits"), error.getMessage());
        assertTrue(error.problems().get(1).startsWith("expired"), error.getMessage());
    }

    @Test
    void refusesAlteredBytesThroughTheSelfSignature() {
        byte[] der = ControllerCertificates.der(PEM);
        // The last byte of the signature, and one byte of the modulus deep inside the TBSCertificate.
        byte[] signature = der.clone();
        signature[signature.length - 1] ^= 1;
        byte[] modulus = der.clone();
        modulus[200] ^= 1;

        for (byte[] altered : new byte[][] {signature, modulus}) {
            SealingCertificateException error = assertThrows(SealingCertificateException.class,
                    () -> SealingCertificate.fromPem(ControllerCertificates.pem(altered)));
            assertTrue(error.getMessage().contains("self-signature does not verify"), error.getMessage());
        }
    }

    @Test
    void aCertificateIssuedByACaIsAcceptedButNotVerified() throws Exception {
        KeyPair ca = TestCertificates.renewedControllerKeys();
        String issued = ControllerCertificates.issuedBy(ca, KEYS);

        SealingCertificate cert = SealingCertificate.fromPem(issued);
        assertEquals(KEYS.getPublic(), cert.publicKey());
        assertFalse(cert.signatureVerified(), "no trust anchor to verify a CA's signature with");
    }

    @Test
    void readsEverySerialTheControllerCanDraw() {
        // rand.Int(2^128): from 0 to 2^128 - 1, whose top bit needs a leading zero byte (17 content bytes).
        BigInteger largest = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        for (BigInteger serial : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, largest}) {
            String pem = ControllerCertificates.certificate(KEYS, "", Instant.now(), Duration.ofDays(1), serial);
            assertEquals(serial, SealingCertificate.fromPem(pem).serialNumber());
        }
    }
}
