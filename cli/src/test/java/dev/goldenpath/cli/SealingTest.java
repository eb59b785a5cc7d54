package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets sealed at render time: the certificate per environment from the command line, the value from the environment. */
class SealingTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String SPEC = "com.example.VaultlessSpec";

    @TempDir
    static Path shared;

    private static Path classes;
    private static Path certificate;

    @BeforeAll
    static void userProjectAndControllerCertificate() throws Exception {
        classes = UserProject.compile(shared.resolve("classes"), Map.of("com.example.VaultlessSpec",
                UserProject.spec("VaultlessSpec", "shop",
                        "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\").port(8080)"
                                + ".secret(sealed(\"db\").fromEnvironment(\"password\", \"DB_PASSWORD\").mountAt(\"/etc/db\"))")));
        // A controller certificate as kubeseal --fetch-cert prints it; keytool ships with every JDK.
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = shared.resolve("controller.p12");
        certificate = shared.resolve("production.pem");
        run(keytool.toString(), "-genkeypair", "-alias", "controller", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=sealed-secret", "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "controller", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", certificate.toString());
    }

    @Test
    void sealsAtRenderTimeWithTheEnvironmentsCertificateAndNeverWritesThePlaintext() throws Exception {
        Path out = shared.resolve("out");
        Run run = Run.with(Map.of("DB_PASSWORD", PASSWORD), "", "render", "-cp", classes.toString(), "--spec", SPEC,
                "--sealing-cert", "production=" + certificate, "--dir", out.toString());
        assertEquals(0, run.exit(), run::toString);
        Path sealed = out.resolve("shop/apps/production/web/sealedsecret-db.yaml");
        String yaml = Files.readString(sealed);
        assertTrue(yaml.contains("kind: SealedSecret"), yaml);
        // The controller's format: a 2-byte length, the session key under RSA-OAEP (256 bytes for this 2048-bit
        // certificate), then the AES-GCM ciphertext of the value with its 16-byte tag.
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\n {4}password: (\\S+)\n").matcher(yaml);
        assertTrue(value.find(), yaml);
        byte[] sealedBytes = java.util.Base64.getDecoder().decode(value.group(1));
        assertEquals(256, ((sealedBytes[0] & 0xff) << 8) | (sealedBytes[1] & 0xff));
        assertEquals(2 + 256 + PASSWORD.length() + 16, sealedBytes.length);
        for (Path file : dev.goldenpath.pipeline.TreeFolders.files(out).values()) {
            assertFalse(Files.readString(file).contains(PASSWORD), file + " holds the plaintext");
        }
        assertFalse((run.out() + run.err()).contains(PASSWORD));
    }

    @Test
    void aRenderTimeSecretWithoutCertificateOrValueIsReportedNotThrown() {
        Run noCertificate = Run.with(Map.of("DB_PASSWORD", PASSWORD), "", "check", "-cp", classes.toString(), "--spec", SPEC);
        assertEquals(Goldenpath.FINDINGS, noCertificate.exit(), noCertificate::toString);
        assertTrue(noCertificate.err().contains("no sealer is configured for environment production"), noCertificate.err());

        Run noValue = Run.of("check", "-cp", classes.toString(), "--spec", SPEC, "--sealing-cert", "production=" + certificate, "-o", "json");
        assertEquals(Goldenpath.FINDINGS, noValue.exit(), noValue::toString);
        assertTrue(Json.parse(noValue.out()).at("/renderErrors/0/problems/0").asText().contains("DB_PASSWORD"),
                noValue.out());

        Run badCertificate = Run.of("check", "-cp", classes.toString(), "--spec", SPEC, "--sealing-cert", "production=" + classes);
        assertEquals(Goldenpath.USAGE, badCertificate.exit(), badCertificate::toString);
    }

    @Test
    void graphNeedsNoCertificate() {
        Run run = Run.of("graph", "-cp", classes.toString(), "--spec", SPEC);
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("# Network: production"), run.out());
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
