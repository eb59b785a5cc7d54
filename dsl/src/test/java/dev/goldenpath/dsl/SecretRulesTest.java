package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.environmentNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretRulesTest {

    private static final List<Environment> PROD_AND_STAGING = List.of(environmentNamed("prod"), environmentNamed("staging"));

    /** Shaped like sealed-secrets output: a 2-byte length, an RSA block of that length and a GCM tag. */
    private static String sealedShape(int rsaLength, int total) {
        byte[] bytes = new byte[total];
        bytes[0] = (byte) (rsaLength >> 8);
        bytes[1] = (byte) rsaLength;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final String SEALED = sealedShape(256, 2 + 256 + 16);

    private static Platform withVault(App app) {
        return platform(PROD_AND_STAGING, List.of(vault("vault", "https://vault.example.com")), Network.DEFAULT,
                Baseline.DEFAULT, app);
    }

    private static List<String> pathsOf(App app) {
        return paths(p -> new SecretRules(withVault(app), p).app(app, API));
    }

    @Test
    void recognisesSealedSecretsCiphertextByItsShape() {
        assertTrue(SecretRules.looksSealed(SEALED));
        assertTrue(SecretRules.looksSealed(sealedShape(512, 2 + 512 + 40)));
        assertFalse(SecretRules.looksSealed(sealedShape(128, 2 + 128 + 16)), "an RSA key below 2048 bits");
        assertFalse(SecretRules.looksSealed(sealedShape(256, 2 + 256)), "no room for the GCM tag");
        assertFalse(SecretRules.looksSealed(Base64.getEncoder().encodeToString("hunter2".getBytes())));
        assertFalse(SecretRules.looksSealed("not base64!"));
        assertFalse(SecretRules.looksSealed(""));
    }

    @Test
    void acceptsSealedAndExternalSecretsThatAreUsed() {
        App app = app(a -> a.secret(sealed("db").ciphertext("password", SEALED).mountAt("/etc/db"))
                .secret(sealed("tls").fromEnvironment("token", "TOKEN").env("API_TOKEN", "token"))
                .secret(external("remote").remote("password", "payments/db", "password").store("vault")
                        .env("DB_PASSWORD", "password")));
        assertEquals(List.of(), violations(p -> new SecretRules(withVault(app), p).app(app, API)));
    }

    @Test
    void neverEchoesAValueThatIsNotCiphertext() {
        App app = app(a -> a.secret(sealed("db").ciphertext("password", "hunter2hunter2").mountAt("/etc/db")));
        List<String> found = violations(p -> new SecretRules(withVault(app), p).app(app, API));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("apps[api].secrets[db].keys[password]: '<redacted>': the value is not "
                + "sealed-secrets ciphertext"), found.get(0));
        assertFalse(found.get(0).contains("hunter2"));
    }

    @Test
    void requiresAValueOfEveryKeyInEveryEnvironmentTheAppRunsIn() {
        App app = app(a -> a.secret(sealed("db").ciphertextIn("prod", "password", SEALED).mountAt("/etc/db")));
        assertEquals(List.of("apps[api].secrets[db].keys[password]: 'staging': the key has no value for environment "
                        + "staging (fix: add .ciphertextIn(\"staging\", \"password\", ...) or a render-time source)"),
                violations(p -> new SecretRules(withVault(app), p).app(app, API)));
        App prodOnly = app(a -> a.onlyIn("prod")
                .secret(sealed("db").ciphertextIn("prod", "password", SEALED).mountAt("/etc/db")));
        assertEquals(List.of(), pathsOf(prodOnly));
    }

    @Test
    void takesEachValueFromTheSourceItsBackendReads() {
        // The builders cannot mix backends; records built directly can, and the validator still refuses them.
        App app = withSecrets(app(a -> a),
                secret("db", "password", Secret.Backend.SEALED, new Secret.Remote("payments/db", "password"), "/etc/db", null),
                secret("remote", "password", Secret.Backend.EXTERNAL, new Secret.Ciphertext(SEALED), "/etc/remote", "vault"));
        assertEquals(List.of("apps[api].secrets[db].keys[password]: 'Remote': a sealed secret's values are ciphertext or "
                        + "sealed at render time (fix: use .ciphertext(..), .fromEnvironment(..) or .fromFile(..))",
                "apps[api].secrets[remote].keys[password]: 'Ciphertext': an external secret's values come from its store "
                        + "(fix: use .remote(key, storeKey, property))"),
                violations(p -> new SecretRules(withVault(app), p).app(app, API)));
    }

    @Test
    void requiresAKnownStoreForExternalSecretsOnly() {
        App app = app(a -> a.secret(external("none").remote("k", "a/b", "p").mountAt("/etc/none"))
                .secret(external("other").remote("k", "a/b", "p").store("aws").refreshInterval("1 hour").mountAt("/etc/other"))
        );
        app = withSecrets(app, secret("sealed", "k", Secret.Backend.SEALED, new Secret.Ciphertext(SEALED), "/etc/sealed", "vault"));
        assertEquals(List.of("apps[api].secrets[none].store", "apps[api].secrets[other].store",
                "apps[api].secrets[other].refreshInterval", "apps[api].secrets[sealed].store"), pathsOf(app));
    }

    @Test
    void refusesMountsAndVariablesThatCollideWithTheAppsOwn() {
        App app = app(a -> a.writablePath("/data").env("DB_USER", "app")
                .secret(sealed("db").ciphertext("password", SEALED).mountAt("/data").env("DB_USER", "password")
                        .env("DB_PASSWORD", "passwd"))
                .secret(sealed("unused").ciphertext("password", SEALED)));
        assertEquals(List.of(
                "apps[api].secrets[db].mountPath: '/data': another volume is mounted at this path (fix: choose another path)",
                "apps[api].secrets[db].env[DB_USER]: 'DB_USER': the variable is set twice (fix: set it once)",
                "apps[api].secrets[db].env[DB_PASSWORD]: 'passwd': the secret has no such key (fix: use one of its keys)",
                "apps[api].secrets[unused]: 'unused': the secret is neither mounted nor read into a variable (fix: add "
                        + ".mountAt(\"/etc/...\") or .env(\"VAR\", \"key\"))"),
                violations(p -> new SecretRules(withVault(app), p).app(app, API)));
    }

    /** A secret record as only direct construction can make it (the builders keep backends apart). */
    private static Secret secret(String name, String key, Secret.Backend backend, Secret.Source source, String mount,
                                 String store) {
        return new Secret(name, backend, List.of(new Secret.Entry(key, Optional.empty(), source)), "Opaque",
                Secret.SealScope.STRICT, Optional.of(mount), List.of(), Optional.ofNullable(store), "1h");
    }

    /** The app with these secrets added, through the record's constructor. */
    private static App withSecrets(App a, Secret... more) {
        List<Secret> secrets = new java.util.ArrayList<>(a.secrets());
        secrets.addAll(List.of(more));
        return new App(a.name(), a.team(), a.container(), a.workload(), a.availability(), a.scheduling(), a.fsGroup(),
                a.metadata(), a.placement(), a.traffic(), a.apiAccess(), secrets, a.weakenings(), a.runtimeProfile(),
                a.config(), a.companions(), a.beforeSync(), a.exposure());
    }
}
