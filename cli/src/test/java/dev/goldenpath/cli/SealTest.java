package dev.goldenpath.cli;

import static dev.goldenpath.secrets.testing.Controller.hybridDecrypt;
import static dev.goldenpath.secrets.testing.Controller.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.ControllerCertificates;
import dev.goldenpath.secrets.testing.FakeApiServer;
import dev.goldenpath.secrets.testing.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code goldenpath seal}, kubeseal without Go: every mode and option, checked by unsealing as the controller does.
 * Exit codes are the command line's: 0 sealed, 2 usage, 3 could not seal.
 */
class SealTest {

    private static final PrivateKey PRIVATE = TestCertificates.controllerKeys().getPrivate();
    private static final Map<String, String> WITH_KEY =
            Map.of("GOLDENPATH_SEALING_KEY", Base64.getEncoder().encodeToString(new byte[48]));

    @TempDir
    static Path dir;
    private static Path cert;

    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db-creds
              namespace: payments
              labels:
                app.kubernetes.io/part-of: payments
              annotations:
                reloader.stakater.com/match: "true"
                kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"password":"hunter2"}}'
            type: kubernetes.io/basic-auth
            data:
              username: YXBw
            stringData:
              password: hunter2
            """;

    @BeforeAll
    static void writeCertificate() throws Exception {
        cert = dir.resolve("pub-cert.pem");
        Files.writeString(cert, TestCertificates.controllerCertificate());
    }

    @Test
    void sealsStandardInputAsOneValueLikeKubesealRaw() throws Exception {
        Result result = run("s3cr3t", Map.of(), "--cert", cert.toString(), "--namespace", "payments", "--name", "db-creds");

        assertEquals(0, result.status, result.err);
        byte[] sealed = Base64.getDecoder().decode(result.out.strip());
        assertEquals("s3cr3t", text(hybridDecrypt(PRIVATE, sealed, "payments/db-creds".getBytes(StandardCharsets.UTF_8))));
        assertEquals("", result.err);
    }

    @Test
    void rawScopesBindTheMatchingLabel() throws Exception {
        Result wide = run("v", Map.of(), "--cert", cert.toString(), "--namespace", "payments", "--scope", "namespace-wide");
        Result cluster = run("v", Map.of(), "--cert", cert.toString(), "--scope=cluster-wide");

        assertEquals("v", text(hybridDecrypt(PRIVATE, Base64.getDecoder().decode(wide.out.strip()),
                "payments".getBytes(StandardCharsets.UTF_8))));
        assertEquals("v", text(hybridDecrypt(PRIVATE, Base64.getDecoder().decode(cluster.out.strip()), new byte[0])));
    }

    @Test
    void sealsASecretIntoASealedSecretTheControllerUnseals() throws Exception {
        Result result = run(SECRET, WITH_KEY, "--secret", "--cert", cert.toString());

        assertEquals(0, result.status, result.err);
        SealedSecret sealed = YamlFormat.read(result.out, SealedSecret.class);
        Map<String, byte[]> data = Controller.unseal(sealed, PRIVATE);
        assertEquals("app", text(data.get("username")));
        assertEquals("hunter2", text(data.get("password")));
        assertEquals("kubernetes.io/basic-auth", sealed.getSpec().template().type());
        assertEquals(Map.of("app.kubernetes.io/part-of", "payments"), sealed.getSpec().template().metadata().labels());
        assertEquals(Map.of("reloader.stakater.com/match", "true"), sealed.getSpec().template().metadata().annotations(),
                "last-applied annotations carry plaintext and are dropped, as kubeseal does");
        assertFalse(result.out.contains("hunter2"), result.out);
        assertFalse(result.out.contains("YXBw"), result.out);
    }

    @Test
    void secretScopeComesFromItsAnnotationsUnlessTheFlagSaysOtherwise() throws Exception {
        String clusterWide = SECRET.replace("reloader.stakater.com/match: \"true\"",
                "sealedsecrets.bitnami.com/cluster-wide: \"true\"");

        SealedSecret fromAnnotation = YamlFormat.read(run(clusterWide, WITH_KEY, "--secret", "--cert", cert.toString()).out,
                SealedSecret.class);
        SealedSecret fromFlag = YamlFormat.read(run(clusterWide, WITH_KEY, "--secret", "--cert", cert.toString(),
                "--scope", "namespace-wide").out, SealedSecret.class);

        assertEquals("cluster-wide", fromAnnotation.scope().kind().flag());
        assertEquals("namespace-wide", fromFlag.scope().kind().flag());
        assertEquals("hunter2", text(Controller.unseal(fromFlag, PRIVATE).get("password")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"strict", "namespace-wide", "cluster-wide"})
    void sealsEveryScopeWithTheCertificateADefaultControllerServes(String scope) throws Exception {
        // kubeseal --fetch-cert from a default install: empty subject and issuer, which the JDK cannot parse.
        Path controllerCert = dir.resolve("default-install-" + scope + ".pem");
        Files.writeString(controllerCert, ControllerCertificates.certificate(TestCertificates.controllerKeys()));
        String annotated = SECRET.replace("reloader.stakater.com/match: \"true\"",
                "reloader.stakater.com/match: \"true\"\n    sealedsecrets.bitnami.com/" + scope + ": \"true\"");

        Result raw = run("s3cr3t", Map.of(), "--cert", controllerCert.toString(), "--namespace", "payments",
                "--name", "db-creds", "--scope", scope);
        Result secret = run(scope.equals("strict") ? SECRET : annotated, WITH_KEY, "--secret",
                "--cert", controllerCert.toString());

        assertEquals(0, raw.status, raw.err);
        String label = switch (scope) {
            case "strict" -> "payments/db-creds";
            case "namespace-wide" -> "payments";
            default -> "";
        };
        assertEquals("s3cr3t", text(hybridDecrypt(PRIVATE, Base64.getDecoder().decode(raw.out.strip()),
                label.getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, secret.status, secret.err);
        SealedSecret sealed = YamlFormat.read(secret.out, SealedSecret.class);
        assertEquals(scope, sealed.scope().kind().flag());
        assertEquals("hunter2", text(Controller.unseal(sealed, PRIVATE).get("password")));
    }

    @Test
    void refusesACertificateFileHoldingThePrivateKeyToo() throws Exception {
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, ControllerCertificates.certificate(TestCertificates.controllerKeys())
                + "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        Result result = run("v", Map.of(), "--cert", combined.toString(), "--scope", "cluster-wide");

        assertEquals(Goldenpath.FAILED, result.status, result.err);
        assertTrue(result.err.contains("is a private key"), result.err);
        assertEquals("", result.out);
    }

    @Test
    void sealingKeyMakesTheOutputByteIdentical() {
        Result first = run(SECRET, WITH_KEY, "--secret", "--cert", cert.toString());
        Result second = run(SECRET, WITH_KEY, "--secret", "--cert", cert.toString());
        Result random = run(SECRET, WITH_KEY, "--secret", "--cert", cert.toString(), "--random");
        Result noKey = run(SECRET, Map.of(), "--secret", "--cert", cert.toString());

        assertEquals(first.out, second.out);
        assertNotEquals(first.out, random.out);
        assertTrue(noKey.err.contains("no sealing key"), noKey.err);
        assertEquals("", first.err);
    }

    @Test
    void sealedSecretYamlHasTheAgreedShape() {
        Result result = run(SECRET, WITH_KEY, "--secret", "--cert", cert.toString());
        String password = line(result.out, "    password: ");
        String username = line(result.out, "    username: ");
        String fingerprints = line(result.out, "    goldenpath.dev/sealed-fingerprints: ");

        assertEquals("""
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  annotations:
                %s
                  name: db-creds
                  namespace: payments
                spec:
                  encryptedData:
                %s
                %s
                  template:
                    metadata:
                      name: db-creds
                      namespace: payments
                      labels:
                        app.kubernetes.io/part-of: payments
                      annotations:
                        reloader.stakater.com/match: "true"
                    type: kubernetes.io/basic-auth
                """.formatted(fingerprints, password, username), result.out);
    }

    @Test
    void previousOutputKeepsItsCiphertextAcrossCertificateRenewal() throws Exception {
        Path previous = dir.resolve("db-creds.sealed.yaml");
        Files.writeString(previous, run(SECRET, WITH_KEY, "--secret", "--cert", cert.toString()).out);
        Path renewed = dir.resolve("renewed.pem");
        Files.writeString(renewed, TestCertificates.renewedControllerCertificate());

        Result kept = run(SECRET, WITH_KEY, "--secret", "--cert", renewed.toString(), "--previous", previous.toString());
        Result resealed = run(SECRET, WITH_KEY, "--secret", "--cert", renewed.toString());

        assertEquals(Files.readString(previous), kept.out);
        assertNotEquals(kept.out, resealed.out);
        assertEquals("hunter2", text(Controller.unseal(YamlFormat.read(resealed.out, SealedSecret.class),
                TestCertificates.renewedControllerKeys().getPrivate()).get("password")));
    }

    @Test
    void fetchesTheCertificateFromTheClusterWhenNoneIsGiven() throws Exception {
        try (FakeApiServer api = new FakeApiServer()
                .controller("sealed-secrets", "controller", TestCertificates.controllerCertificate())) {
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, api.kubeconfig());

            Result pem = run("", Map.of(), "--fetch-cert", "--kubeconfig", kubeconfig.toString(),
                    "--controller-name", "controller", "--controller-namespace", "sealed-secrets");
            Result sealed = run("v", Map.of(), "--kubeconfig", kubeconfig.toString(), "--controller-name", "controller",
                    "--controller-namespace", "sealed-secrets", "--namespace", "ns", "--name", "n");

            assertEquals(0, pem.status, pem.err);
            assertTrue(pem.out.startsWith("-----BEGIN CERTIFICATE-----\n"), pem.out);
            assertEquals(0, sealed.status, sealed.err);
            assertEquals("v", text(hybridDecrypt(PRIVATE, Base64.getDecoder().decode(sealed.out.strip()),
                    "ns/n".getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void usageMistakesExitWithStatusTwoAndSayWhatIsMissing() {
        Result missing = run("v", Map.of(), "--cert", cert.toString(), "--namespace", "payments");
        Result unknown = run("v", Map.of(), "--cert", cert.toString(), "--colour", "--scope", "galaxy-wide");
        Result modes = run("v", Map.of(), "--secret", "--fetch-cert");
        Result previousRaw = run("v", WITH_KEY, "--cert", cert.toString(), "--scope", "cluster-wide", "--previous", "x");

        assertEquals(Goldenpath.USAGE, missing.status);
        assertTrue(missing.err.contains("strict scope needs --name"), missing.err);
        assertEquals(Goldenpath.USAGE, unknown.status);
        assertTrue(unknown.err.contains("goldenpath seal: unknown option '--colour'\n"), unknown.err);
        assertTrue(unknown.err.contains("scope 'galaxy-wide' is not one of"), unknown.err);
        assertTrue(modes.err.contains("choose one mode"), modes.err);
        assertEquals(Goldenpath.USAGE, previousRaw.status);
        assertTrue(previousRaw.err.contains("--previous applies to --secret only"), previousRaw.err);
        assertTrue(run("", Map.of(), "--help").out.contains("Usage: goldenpath seal"));
    }

    @Test
    void failuresNeverEchoThePlaintext() {
        Result notYaml = run("password: [hunter2", Map.of(), "--secret", "--cert", cert.toString());
        Result badKey = run(SECRET.replace("password: hunter2", "pass word: hunter2"), WITH_KEY, "--secret",
                "--cert", cert.toString());
        Result badBase64 = run(SECRET.replace("username: YXBw", "username: hunter2!"), WITH_KEY, "--secret",
                "--cert", cert.toString());
        Result badSealingKey = run("hunter2", Map.of("GOLDENPATH_SEALING_KEY", "hunter2"), "--cert", cert.toString(),
                "--scope", "cluster-wide");

        for (Result result : List.of(notYaml, badKey, badBase64, badSealingKey)) {
            assertEquals(Goldenpath.FAILED, result.status, result.err);
            assertFalse(result.err.contains("hunter2"), result.err);
            assertEquals("", result.out);
        }
        assertTrue(badKey.err.contains("key 'pass word' is not a valid Secret key"), badKey.err);
        assertTrue(badSealingKey.err.contains("GOLDENPATH_SEALING_KEY"), badSealingKey.err);
        assertTrue(badBase64.err.contains("data.username is not base64"), badBase64.err);
    }

    @Test
    void generatesSealingKeysOfThirtyTwoRandomBytes() {
        String first = run("", Map.of(), "--generate-sealing-key").out.strip();
        String second = run("", Map.of(), "--generate-sealing-key").out.strip();

        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertNotEquals(first, second);
    }

    @Test
    void runsAsAPlainJavaProcess() throws Exception {
        // The command line's main class in a JVM of its own, with this test's class path standing in for the
        // runnable jar (RunnableJarIT runs the jar itself).
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.goldenpath.cli.Goldenpath", "seal", "--cert", cert.toString(), "--namespace", "payments",
                "--name", "db-creds")
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().write("from a pipe".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), err);
        assertEquals("", err, "no logging noise on stderr");
        assertEquals("from a pipe", text(hybridDecrypt(PRIVATE, Base64.getDecoder().decode(out.strip()),
                "payments/db-creds".getBytes(StandardCharsets.UTF_8))));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "seal";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Goldenpath.run(command, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
