package dev.goldenpath.secrets.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.TestCertificates;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A Secret type the controller could not create through the API server is refused when sealing. */
class SecretTypeTest {

    private static final Sealer SEALER = Sealer.with(SealingCertificate.fromPem(TestCertificates.controllerCertificate()));

    @ParameterizedTest
    @ValueSource(strings = {"Opaque Secret!", "kubernetes.io/", "/tls", "Kubernetes.IO/tls", "a/b/c", "-opaque", " "})
    void refusesTypesThatAreNoQualifiedName(String type) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SEALER.secret("ns", "s")
                .type(type).value("k", SecretValue.of("hunter2")).seal());
        assertTrue(error.getMessage().contains("type"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Opaque", "kubernetes.io/basic-auth", "bootstrap.kubernetes.io/token",
            "example.com/api-credentials", "helm.sh/release.v1"})
    void acceptsBuiltInAndDomainQualifiedTypes(String type) throws Exception {
        SealedSecret sealed = SEALER.secret("ns", "s").type(type)
                .value("username", SecretValue.of("app")).value("token", SecretValue.of("t")).seal();
        assertEquals(type, sealed.getSpec().template().type());
        assertEquals("t", Controller.text(Controller.unseal(sealed, TestCertificates.controllerKeys().getPrivate())
                .get("token")));
    }

    @Test
    void refusesBuiltInTypesWithoutTheKeysTheApiServerRequires() {
        IllegalArgumentException tls = assertThrows(IllegalArgumentException.class, () -> SEALER.secret("ns", "s")
                .type("kubernetes.io/tls").value("tls.crt", SecretValue.of("c")).seal());
        IllegalArgumentException basic = assertThrows(IllegalArgumentException.class, () -> SEALER.secret("ns", "s")
                .type("kubernetes.io/basic-auth").value("user", SecretValue.of("u")).seal());
        IllegalArgumentException docker = assertThrows(IllegalArgumentException.class, () -> SEALER.secret("ns", "s")
                .type("kubernetes.io/dockerconfigjson").value("config.json", SecretValue.of("{}")).seal());
        IllegalArgumentException token = assertThrows(IllegalArgumentException.class, () -> SEALER.secret("ns", "s")
                .type("kubernetes.io/service-account-token").value("token", SecretValue.of("t")).seal());
        IllegalArgumentException ssh = assertThrows(IllegalArgumentException.class, () -> SEALER.secret("ns", "s")
                .type("kubernetes.io/ssh-auth").value("id_rsa", SecretValue.of("k")).seal());

        assertTrue(tls.getMessage().contains("requires key 'tls.key'"), tls.getMessage());
        assertFalse(tls.getMessage().contains("requires key 'tls.crt'"), tls.getMessage());
        assertTrue(basic.getMessage().contains("requires key 'username' or 'password'"), basic.getMessage());
        assertTrue(docker.getMessage().contains("requires key '.dockerconfigjson'"), docker.getMessage());
        assertTrue(token.getMessage().contains("requires annotation 'kubernetes.io/service-account.name'"),
                token.getMessage());
        assertTrue(ssh.getMessage().contains("requires key 'ssh-privatekey'"), ssh.getMessage());
    }

    @Test
    void theSameRulesApplyToAlreadySealedValues() {
        SealedSecret sealed = SEALER.secret("ns", "s").value("tls.crt", SecretValue.of("c")).seal();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SealedSecret
                .builder("ns", "s").type("kubernetes.io/tls")
                .encryptedValue("tls.crt", sealed.getSpec().encryptedData().get("tls.crt")).build());
        assertTrue(error.getMessage().contains("requires key 'tls.key'"), error.getMessage());
    }

    @Test
    void aBuiltInTypeWithItsKeysSeals() {
        SealedSecret sealed = SEALER.secret("ns", "s").type("kubernetes.io/service-account-token")
                .annotation("kubernetes.io/service-account.name", "builder")
                .value("token", SecretValue.of("t")).seal();
        assertEquals("builder", sealed.getSpec().template().metadata().annotations()
                .get("kubernetes.io/service-account.name"));
    }
}
