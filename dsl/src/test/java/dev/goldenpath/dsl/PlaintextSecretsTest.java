package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.Specs.violation;
import static dev.goldenpath.dsl.Specs.violations;
import static dev.goldenpath.dsl.Specs.withApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A password in an environment variable would be rendered into the Deployment and the repository: it is refused. */
class PlaintextSecretsTest {

    private static final String PASSWORD = "hunter2-correct-horse";

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "db-passwd", "PGPWD", "CLIENT_SECRET", "GITHUB_TOKEN", "api.key", "API_KEY",
            "PRIVATE_KEY", "AWS_ACCESS_KEY_ID", "credentials", "ConnectionString", "X_AUTH_TOKEN", "authKey"})
    void refusesALiteralUnderASecretLookingName(String name) {
        List<Violation> all = violations(withApp(a -> a.env(name, PASSWORD)));
        Violation v = violation(withApp(a -> a.env(name, PASSWORD)), "apps[api].env[" + name + "].value", ViolationCode.SECRET_PLAINTEXT_ENV);
        assertEquals("<redacted>", v.value());
        assertTrue(v.hint().contains("sealed(") && v.hint().contains("external("), v::hint);
        assertFalse(all.toString().contains(PASSWORD), "the value is echoed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOG_LEVEL", "AUTHOR", "AUTHORITY_URL", "KEYCLOAK_REALM"})
    void acceptsOrdinaryNames(String name) {
        withApp(a -> a.env(name, "info")).build();
    }

    @Test
    void acceptsAReferenceToAnotherVariableAndAnEmptyValue() {
        withApp(a -> a.env("DB_PASSWORD", "$(DB_PASSWORD_FROM_SECRET)").env("API_TOKEN", "")).build();
    }

    /** Credential-shaped values, assembled at run time so that no scanner mistakes this file for a leak. */
    static Stream<String> credentials() throws NoSuchAlgorithmException {
        String pkcs8 = "-----BEGIN " + "PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        return Stream.of(pkcs8,
                "gh" + "p_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
                "github" + "_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
                "gl" + "pat-" + "abcdefghij0123456789",
                "AK" + "IA" + "ABCDEFGHIJKLMNOP",
                "xo" + "xb-" + "1234567890-abcdefghij",
                "sk" + "_live_" + "abcdefghij0123456789",
                "rk" + "_live_" + "abcdefghij0123456789",
                "AI" + "za" + "SyA-abcdefghijklmnopqrstuvwxyz012345",
                "ey" + "JhbGciOiJIUzI1NiJ9.ey" + "JzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "Bearer " + "ey" + "JhbGciOiJIUzI1NiJ9.ey" + "JzdWIiOiIxIn0.x");
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void refusesCredentialLookingValuesUnderAnyName(String credential) {
        List<Violation> all = violations(withApp(a -> a.env("UPSTREAM", credential)));
        Violation v = violation(withApp(a -> a.env("UPSTREAM", credential)), "apps[api].env[UPSTREAM].value", ViolationCode.SECRET_PLAINTEXT_CREDENTIAL);
        assertEquals("<redacted>", v.value());
        assertFalse(all.toString().contains(credential.strip().substring(0, 12)), "the value is echoed");
        violation(withApp(a -> a.args("--upstream-token=" + credential.strip())), "apps[api].args[0]", ViolationCode.SECRET_PLAINTEXT_CREDENTIAL);
        violation(withApp(a -> a.annotation("example.com/token", credential)), "apps[api].annotations[example.com/token]",
                ViolationCode.SECRET_PLAINTEXT_CREDENTIAL);
    }

    @Test
    void refusesAnOpenSshPrivateKeyAsSshKeygenWritesIt(@TempDir Path folder) throws IOException, InterruptedException {
        Path key = folder.resolve("id_ed25519");
        Process keygen;
        try {
            keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "ssh-keygen is not installed: " + e.getMessage());
            return;
        }
        assertEquals(0, keygen.waitFor());
        String privateKey = Files.readString(key, StandardCharsets.US_ASCII);
        Violation v = violation(withApp(a -> a.env("DEPLOY", privateKey)), "apps[api].env[DEPLOY].value", ViolationCode.SECRET_PLAINTEXT_CREDENTIAL);
        assertEquals("<redacted>", v.value());
    }
}
