package dev.goldenpath.generators;

import dev.goldenpath.generators.report.RenderException;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.Scope;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.TestCertificates;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SecretRenderingTest {

    private static final KeyPair CONTROLLER = TestCertificates.controllerKeys();
    private static final SealingCertificate CERTIFICATE = SealingCertificate.fromPem(TestCertificates.controllerCertificate());
    private static final String PASSWORD = "correct horse battery staple";

    private static Platform spec(UnaryOperator<App.Builder> api) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("payments@example.com"))
                .secretStore(vault("vault", "https://vault.example.com:8200"))
                .app(api.apply(app("api").team("payments").image("r.example.com/api:1").port(8080)))
                .build();
    }

    private static Renderer renderer(Sealer sealer) {
        return Renderer.secureByDefault().sealing("prod", sealer)
                .environmentVariables(Map.of("DB_PASSWORD", PASSWORD)::get);
    }

    @Test
    void sealsRenderTimeValuesSoThatTheControllerDecryptsThem() throws Exception {
        RenderedTree tree = renderer(Sealer.with(CERTIFICATE))
                .render(spec(a -> a.secret(sealed("db-creds").fromEnvironment("password", "DB_PASSWORD").mountAt("/etc/db"))))
                .tree();
        SealedSecret sealed = Yaml.read(tree.bytes("apps/prod/api/sealedsecret-db-creds.yaml").orElseThrow(), SealedSecret.class);
        Map<String, byte[]> unsealed = Controller.unseal(sealed, CONTROLLER.getPrivate());
        assertArrayEquals(PASSWORD.getBytes(StandardCharsets.UTF_8), unsealed.get("password"));
        String yaml = tree.text("apps/prod/api/sealedsecret-db-creds.yaml").orElseThrow();
        assertTrue(yaml.contains("namespace: payments-prod"));
        assertTrue(yaml.contains("type: Opaque"));
        tree.forEach((path, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(PASSWORD), path));
    }

    @Test
    void mountsAndInjectsSecretsByReferenceOnly() {
        RenderedTree tree = renderer(Sealer.with(CERTIFICATE)).render(spec(a -> a.secret(sealed("db-creds")
                .fromEnvironment("password", "DB_PASSWORD").mountAt("/etc/db").env("DB_PASSWORD", "password")))).tree();
        PodSpec pod = Yaml.read(tree.bytes("apps/prod/api/deployment.yaml").orElseThrow(), Deployment.class)
                .getSpec().getTemplate().getSpec();
        assertEquals("db-creds", pod.getVolumes().get(0).getSecret().getSecretName());
        assertEquals(0440, pod.getVolumes().get(0).getSecret().getDefaultMode());
        assertTrue(pod.getContainers().get(0).getVolumeMounts().get(0).getReadOnly());
        var env = pod.getContainers().get(0).getEnv().get(0);
        assertEquals("DB_PASSWORD", env.getName());
        assertEquals("db-creds", env.getValueFrom().getSecretKeyRef().getName());
        assertEquals("password", env.getValueFrom().getSecretKeyRef().getKey());
        assertEquals(null, env.getValue());
    }

    @Test
    void deterministicSealingRendersByteIdenticalTrees() {
        SealingKey key = SealingKey.generate();
        UnaryOperator<App.Builder> api = a -> a.secret(sealed("db-creds").fromEnvironment("password", "DB_PASSWORD").mountAt("/etc/db"));
        RenderedTree first = renderer(Sealer.with(CERTIFICATE).deterministic(key)).render(spec(api)).tree();
        RenderedTree second = renderer(Sealer.with(CERTIFICATE).deterministic(key)).render(spec(api)).tree();
        assertEquals(first.digest(), second.digest());
        RenderedTree random = renderer(Sealer.with(CERTIFICATE)).render(spec(api)).tree();
        assertNotEquals(first.text("apps/prod/api/sealedsecret-db-creds.yaml"), random.text("apps/prod/api/sealedsecret-db-creds.yaml"));
    }

    @Test
    void keepsPreSealedCiphertextAsGiven() throws Exception {
        String ciphertext = Sealer.with(CERTIFICATE).seal(SecretValue.of(PASSWORD), Scope.strict("payments-prod", "db-creds"));
        RenderedTree tree = Renderer.secureByDefault()
                .render(spec(a -> a.secret(sealed("db-creds").ciphertext("password", ciphertext).mountAt("/etc/db")))).tree();
        SealedSecret sealed = Yaml.read(tree.bytes("apps/prod/api/sealedsecret-db-creds.yaml").orElseThrow(), SealedSecret.class);
        assertArrayEquals(PASSWORD.getBytes(StandardCharsets.UTF_8), Controller.unseal(sealed, CONTROLLER.getPrivate()).get("password"));
    }

    @Test
    void listsEveryMissingSealerVariableOrFileWithoutValues() {
        RenderException e = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .environmentVariables(name -> null)
                .render(spec(a -> a.secret(sealed("db-creds").fromEnvironment("password", "DB_PASSWORD").mountAt("/etc/db")))));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("no sealer is configured for environment prod"), e.getMessage());
        RenderException missing = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .sealing("prod", Sealer.with(CERTIFICATE))
                .environmentVariables(name -> null)
                .render(spec(a -> a.secret(sealed("db-creds").fromEnvironment("password", "DB_PASSWORD")
                        .fromFile("key", "/nonexistent/key").mountAt("/etc/db")))));
        assertEquals(2, missing.problems().size(), missing.getMessage());
        assertTrue(missing.getMessage().contains("environment variable DB_PASSWORD is not set"));
        assertTrue(missing.getMessage().contains("cannot read file /nonexistent/key"));
    }

    @Test
    void rendersExternalSecretsWithAPerAppVaultStore() {
        RenderedTree tree = Renderer.secureByDefault().render(spec(a -> a.secret(external("card-api")
                .store("vault").remote("token", "payments/card-api", "token").refreshInterval("15m")
                .env("CARD_API_TOKEN", "token")))).tree();
        String externalSecret = tree.text("apps/prod/api/externalsecret-card-api.yaml").orElseThrow();
        assertTrue(externalSecret.contains("refreshInterval: 15m"), externalSecret);
        assertTrue(externalSecret.contains("key: payments/card-api"), externalSecret);
        assertTrue(externalSecret.contains("name: vault-api"), externalSecret);
        String store = tree.text("apps/prod/api/secretstore-vault-api.yaml").orElseThrow();
        assertTrue(store.contains("server: https://vault.example.com:8200"), store);
        assertTrue(store.contains("role: goldenpath"), store);
        assertTrue(store.contains("name: api"), store);
    }
}
