package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code goldenpath seal --cert} with the certificate a default sealed-secrets install serves. */
class SealCommandTest {

    private static final PrivateKey CONTROLLER = TestCertificates.controllerKeys().getPrivate();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"strict", "namespace-wide", "cluster-wide"})
    void sealsEveryScopeWithTheCertificateOfADefaultInstall(String scope) throws Exception {
        // Empty subject and issuer (--my-cn defaults to ""): the JDK's X.509 parser refuses it.
        Path cert = dir.resolve("pub-cert.pem");
        Files.writeString(cert, TestCertificates.controllerCertificate());

        Run run = Run.with(Map.of(), "s3cr3t", "seal", "--cert", cert.toString(), "--scope", scope,
                "--namespace", "payments", "--name", "db-creds");

        assertEquals(0, run.exit(), run.toString());
        String label = switch (scope) {
            case "strict" -> "payments/db-creds";
            case "namespace-wide" -> "payments";
            default -> "";
        };
        byte[] sealed = Base64.getDecoder().decode(run.out().strip());
        assertEquals("s3cr3t", Controller.text(Controller.hybridDecrypt(CONTROLLER, sealed,
                label.getBytes(StandardCharsets.UTF_8))));
        assertTrue(run.err().isEmpty(), run.toString());
    }
}
