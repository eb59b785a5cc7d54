package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValueRulesTest {

    /** Shaped like a GitHub token, built so that no scanner flags this file. */
    private static final String TOKEN = "ghp_" + "x".repeat(36);

    private static List<String> violationsOf(App app) {
        return violations(p -> new SecretValueRules(platform(app), p).app(app, API));
    }

    @Test
    void acceptsPlainConfigurationAndReferences() {
        App app = app(a -> a.env("LOG_LEVEL", "info").env("DB_PASSWORD", "$(PASSWORD)").env("API_TOKEN", "")
                .command("serve", "--port", "8080").annotation("example.com/note", "reviewed"));
        assertEquals(List.of(), violationsOf(app));
    }

    @Test
    void refusesPlaintextSecretsAndShowsNoneOfThem() {
        App app = app(a -> a.env("DB_PASSWORD", "hunter2hunter2").env("CONFIG", TOKEN).command("run", TOKEN)
                .args("--token", TOKEN).annotation("example.com/token", TOKEN));
        List<String> found = violationsOf(app);
        assertEquals(List.of("apps[api].env[DB_PASSWORD].value", "apps[api].env[CONFIG].value", "apps[api].command[1]",
                "apps[api].args[1]", "apps[api].annotations[example.com/token]"),
                found.stream().map(v -> v.substring(0, v.indexOf(':'))).toList());
        assertTrue(found.stream().allMatch(v -> v.contains("'<redacted>'") && !v.contains("hunter2") && !v.contains(TOKEN)),
                found::toString);
    }

    @Test
    void refusesSecretTypesTheApiServerWouldRejectOrIssuesItself() {
        App app = app(a -> a.secret(sealed("tls").fromEnvironment("tls.crt", "CRT").type("kubernetes.io/tls"))
                .secret(sealed("token").fromEnvironment("token", "T").type("kubernetes.io/service-account-token"))
                .secret(sealed("odd").fromEnvironment("k", "K").type("not a type")));
        assertEquals(List.of("apps[api].secrets[tls].keys: 'tls.key': a Secret of type kubernetes.io/tls must have the key "
                        + "tls.key (fix: add the key tls.key)",
                "apps[api].secrets[token].type: 'kubernetes.io/service-account-token': Kubernetes itself issues tokens of "
                        + "this type (fix: use Opaque)",
                "apps[api].secrets[odd].type: 'not a type': a Secret type is 'Opaque' or a qualified name like "
                        + "'kubernetes.io/tls' (fix: use e.g. Opaque or kubernetes.io/tls)"),
                violationsOf(app));
    }

    @Test
    void refusesStoresTheOperatorCouldNotUseSafely() {
        Platform platform = platform(List.of(), List.of(vault("vault", "https://vault.example.com:8200"),
                vault("Vault", "http://vault.example.com").kv("secret/", 3).kubernetesAuth("", " "),
                vault("vault", "https://vault.example.com:8200")), Network.DEFAULT, Baseline.DEFAULT);
        assertEquals(List.of("secretStores[Vault].name", "secretStores[Vault].server", "secretStores[Vault].path",
                "secretStores[Vault].kvVersion", "secretStores[Vault].authMount", "secretStores[Vault].role",
                "secretStores[vault]"), paths(p -> new SecretValueRules(platform, p).stores()));
    }
}
