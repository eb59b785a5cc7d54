package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.Specs.violation;
import static dev.goldenpath.dsl.Specs.violations;
import static dev.goldenpath.dsl.Specs.withApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldenpath.vocabulary.Utf8;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Config files and variables: where a file may be mounted, what it may hold (text, no credential: a pointer to
 * sealed(..) instead, never the text itself), and how much.
 */
class ConfigRulesTest {

    private static final String FILE = "apps[api].configFile[/etc/api/app.conf]";

    @Test
    void acceptsTextFilesVariablesAndPlaceholdersForSecrets() {
        withApp(a -> a.configFile("/etc/api/app.conf", "listen 8080;\n")
                .configFile("/etc/api/application.properties", """
                        spring.datasource.password=${DB_PASSWORD}
                        password.min-length=12
                        token.url=https://auth.example.com/token
                        existingSecret=db-creds
                        client_secret=
                        api_key: '{{ .Values.apiKey }}'
                        passwordFile: /etc/api/secrets/password
                        """)
                .configFile("/etc/nginx/nginx.conf", "user nobody;\n")
                .configFile("/etc/other/nginx.conf", "\tindented\r\nünïcödé ✓ 😀\n")
                .configFile("/etc/api/empty", "")
                .configEnv("LOG_LEVEL", "debug")
                .configEnv("DB_PASSWORD", "$(FROM_SECRET)")
                .writablePath("/tmp")
                .secret(sealed("db").fromEnvironment("password", "DB").mountAt("/etc/api/secrets"))).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/app.conf", "/", "/etc/api/", "/etc//app.conf", "/etc/../app.conf", "/etc/./a",
            "/etc/app.conf/..", "C:/app.conf"})
    void refusesPathsThatAreNotAbsoluteNormalizedFiles(String path) {
        violation(withApp(a -> a.configFile(path, "x")), "apps[api].configFile[" + path + "]", ViolationCode.CONFIG_PATH_INVALID);
    }

    @Test
    void refusesTheSamePathTwiceAndAFileOverAnyOtherMount() {
        List<Violation> found = violations(withApp(a -> a.configFile("/etc/api/app.conf", "a")
                .configFile("/etc/api/app.conf", "b")
                .configFile("/tmp/cache.conf", "inside a writable path")
                .configFile("/var/data", "at a writable path")
                .configFile("/srv", "over a writable path")
                .configFile("/etc/db/password", "inside a secret")
                .configFile("/etc/x", "x").configFile("/etc/x/y", "a file inside another file")
                .writablePath("/tmp").writablePath("/var/data").writablePath("/srv/cache")
                .secret(sealed("db").fromEnvironment("password", "DB").mountAt("/etc/db"))));
        assertEquals(List.of(
                "config.path-duplicate apps[api].configFile[/etc/api/app.conf] '/etc/api/app.conf'",
                "config.path-clash apps[api].configFile[/tmp/cache.conf] inside a writable path (apps[api].writablePaths[/tmp])",
                "config.path-clash apps[api].configFile[/var/data] at a writable path (apps[api].writablePaths[/var/data])",
                "config.path-clash apps[api].configFile[/srv] over a writable path (apps[api].writablePaths[/srv/cache])",
                "config.path-clash apps[api].configFile[/etc/db/password] inside the mount of secret db"
                        + " (apps[api].secrets[db].mountPath)",
                "config.path-clash apps[api].configFile[/etc/x/y] the path lies inside /etc/x, which is another config file"),
                found.stream().filter(v -> v.code().code().startsWith("config.")).map(v -> v.code() + " " + v.path() + " "
                        + (v.code() == ViolationCode.CONFIG_PATH_DUPLICATE ? "'" + v.value() + "'"
                        : v.rule().substring(v.rule().indexOf(v.rule().startsWith("the file") ? "mounted " : "the path")
                        + (v.rule().startsWith("the file") ? 8 : 0)))).toList());
    }

    /** Every credential shape the detector knows, in the line of a config file; assembled so no scanner flags this file. */
    static Stream<String> credentials() throws NoSuchAlgorithmException {
        String pkcs8 = pem("PRIVATE KEY", KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded());
        Random random = new Random(16);
        byte[] bytes = new byte[600];
        random.nextBytes(bytes);
        return Stream.of(pkcs8,
                pem("RSA PRIVATE KEY", bytes), pem("EC PRIVATE KEY", bytes), pem("DSA PRIVATE KEY", bytes),
                pem("ENCRYPTED PRIVATE KEY", bytes), pem("OPENSSH PRIVATE KEY", bytes), pem("PGP PRIVATE KEY BLOCK", bytes),
                "gh" + "p_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
                "gh" + "o_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
                "gh" + "s_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
                "github" + "_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
                "gl" + "pat-" + "abcdefghij0123456789",
                "AK" + "IA" + "ABCDEFGHIJKLMNOP",
                "AS" + "IA" + "ABCDEFGHIJKLMNOP",
                "xo" + "xb-" + "1234567890-abcdefghij",
                "xo" + "xp-" + "1234567890-abcdefghij",
                "sk" + "_live_" + "abcdefghij0123456789",
                "AI" + "za" + "SyA-abcdefghijklmnopqrstuvwxyz012345",
                "ey" + "JhbGciOiJIUzI1NiJ9.ey" + "JzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void refusesEveryCredentialShapeWithItsLineAndNeverTheText(String credential) {
        String content = "# upstream\nname: billing\nupstream: " + credential + "\n";
        Platform.Builder spec = withApp(a -> a.configFile("/etc/api/app.conf", content).image("nginx"));
        Violation v = violation(spec, FILE + ".content", ViolationCode.SECRET_PLAINTEXT_CREDENTIAL);
        assertEquals("<redacted>", v.value());
        assertTrue(v.rule().startsWith("line 3 of the text ("), v::rule);
        assertTrue(v.hint().contains("sealed("), v::hint);
        assertNotEchoed(spec, credential);
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
        Platform.Builder spec = withApp(a -> a.configFile("/etc/api/app.conf", privateKey));
        Violation v = violation(spec, FILE + ".content", ViolationCode.SECRET_PLAINTEXT_CREDENTIAL);
        assertTrue(v.rule().contains("line 1 ") && v.rule().contains("a private key block"), v::rule);
        assertNotEchoed(spec, privateKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring.datasource.password=hunter2-horse", "  password: hunter2-horse",
            "export API_KEY=hunter2-horse", "    \"client_secret\": \"hunter2-horse\",", "db_passwd = 'hunter2-horse'",
            "- smtp.passphrase: hunter2-horse", "SECRET_KEY=hunter2-horse", "auth-token: hunter2-horse"})
    void refusesALiteralUnderASecretLookingKeyInAnyFormat(String line) {
        Platform.Builder spec = withApp(a -> a.configFile("/etc/api/app.conf", "[main]\n" + line + "\n"));
        Violation v = violation(spec, FILE + ".content", ViolationCode.CONFIG_SECRET_ASSIGNMENT);
        assertEquals("<redacted>", v.value());
        assertTrue(v.rule().startsWith("line 2 of the text (") && v.rule().contains("a secret by its name"), v::rule);
        assertNotEchoed(spec, "hunter2-horse");
    }

    /** The secret text appears nowhere: not in the exception's message and in no field of any violation. */
    private static void assertNotEchoed(Platform.Builder spec, String secret) {
        SpecException e = assertThrows(SpecException.class, spec::build);
        List<String> parts = Stream.of(secret.split("\n")).map(String::strip)
                .filter(s -> s.length() >= 8 && !s.startsWith("-----")).toList();
        for (String part : parts) {
            assertFalse(e.getMessage().contains(part), "the message echoes the secret");
            for (Violation v : e.violations()) {
                assertFalse(v.path().contains(part) || v.value().contains(part) || v.rule().contains(part)
                        || v.hint().contains(part), v::toString);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\u0085", "\u2028", "\ud800"})
    void refusesWhatIsNotText(String character) {
        Violation v = violation(withApp(a -> a.configFile("/etc/api/app.conf", "a\nb" + character + "\n")),
                FILE + ".content", ViolationCode.CONFIG_NOT_TEXT);
        assertTrue(v.rule().startsWith("line 2 holds "), v::rule);
        // The character is named by its code point.
        assertTrue(v.rule().contains(String.format("U+%04X", (int) character.charAt(0))), v::rule);
        assertEquals("the text (" + Utf8.length("a\nb" + character + "\n") + " bytes)", v.value());
    }

    @Test
    void refusesBidirectionalOverridesWithTheirLine() {
        Violation v = violation(withApp(a -> a.configFile("/etc/api/app.conf", "a\nb\nallow = false \u202e } \u2066\n")),
                FILE + ".content", ViolationCode.TEXT_BIDI_OVERRIDE);
        assertTrue(v.rule().startsWith("line 3 holds the bidirectional-override character U+202E"), v::rule);
    }

    @Test
    void readsResourcesWithTheThreadsClassLoaderAndNamesAMissingOne(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("config"));
        Files.writeString(folder.resolve("config/app.yaml"), "greeting: héllo\n", StandardCharsets.UTF_8);
        Files.write(folder.resolve("config/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        Supplier<Platform.Builder> spec = () -> withApp(a -> a.configFileFromResource("/etc/api/app.yaml", "config/app.yaml")
                .configFileFromResource("/etc/api/logo.png", "/config/logo.png")
                .configFileFromResource("/etc/api/missing.yaml", "config/missing.yaml"));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        List<Violation> found;
        App app;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            Platform.Builder built = spec.get();
            found = violations(built);
            app = withApp(a -> a.configFileFromResource("/etc/api/app.yaml", "config/app.yaml")).build().apps().get(0);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals("greeting: héllo\n", app.config().files().get(0).content());
        assertEquals("classpath:config/app.yaml", app.config().files().get(0).origin());
        assertEquals(List.of(
                "apps[api].configFile[/etc/api/logo.png].content: 'classpath:/config/logo.png': the resource is not UTF-8"
                        + " text; config files are text (a ConfigMap's data) (fix: convert the file to UTF-8, or ship binary"
                        + " files in the image)",
                "apps[api].configFile[/etc/api/missing.yaml].resource: 'config/missing.yaml': no resource"
                        + " 'config/missing.yaml' on the class path of the thread that built the spec (fix: name it from the"
                        + " class path root (src/main/resources/config/app.yaml is 'config/app.yaml') and check that it is"
                        + " packaged with the spec)"),
                found.stream().map(Violation::toString).toList());
        assertEquals(List.of(ViolationCode.CONFIG_NOT_TEXT, ViolationCode.CONFIG_RESOURCE_NOT_FOUND),
                found.stream().map(Violation::code).toList());
    }

    @Test
    void refusesConfigBeyondWhatOneRenderedConfigMapHolds() {
        // The estimate of the rendered YAML: content, 4 bytes per line, 16 per entry, the reserve for metadata.
        int fixed = 16 + "big".length() + Config.METADATA_RESERVE_BYTES;
        int fits = Config.MAX_DOCUMENT_BYTES - fixed;
        withApp(a -> a.configFile("/etc/api/big", "x".repeat(fits))).build();
        Violation v = violation(withApp(a -> a.configFile("/etc/api/big", "x".repeat(fits + 1))),
                "apps[api].configFile", ViolationCode.CONFIG_TOO_LARGE);
        assertEquals((fits + 1 + 3) + " bytes", v.value());
        // Lines cost their indentation, and the app's annotations are on the ConfigMap too.
        violation(withApp(a -> a.configFile("/etc/api/big", "x\n".repeat(fits / 2 - 10))), "apps[api].configFile",
                ViolationCode.CONFIG_TOO_LARGE);
        violation(withApp(a -> a.configFile("/etc/api/big", "x".repeat(fits - 100)).annotation("example.com/note", "n".repeat(100))),
                "apps[api].configFile", ViolationCode.CONFIG_TOO_LARGE);
        // Variables count as well: many of them, each under the limit.
        violation(withApp(a -> {
            for (int i = 0; i < 4; i++) {
                a.configEnv("V" + i, "v".repeat(250_000));
            }
            return a;
        }), "apps[api].configFile", ViolationCode.CONFIG_TOO_LARGE);
    }

    @Test
    void checksConfigVariablesLikeEveryOtherVariable() {
        List<Violation> found = violations(withApp(a -> a.env("LOG_LEVEL", "info")
                .secret(sealed("db").fromEnvironment("password", "DB").env("DB_PASSWORD", "password"))
                .configEnv("1BAD", "x").configEnv("LOG_LEVEL", "debug").configEnv("DB_PASSWORD", "x")
                .configEnv("API_TOKEN", "hunter2-horse").configEnv("UPSTREAM", "AK" + "IA" + "ABCDEFGHIJKLMNOP")
                .configEnv("MODE", "a\nb")));
        assertEquals(List.of(
                "env.name-invalid apps[api].configEnv[1BAD] 1BAD",
                "env.duplicate apps[api].configEnv[LOG_LEVEL] LOG_LEVEL",
                "env.duplicate apps[api].configEnv[DB_PASSWORD] DB_PASSWORD",
                "secret.plaintext-env apps[api].configEnv[DB_PASSWORD].value <redacted>",
                "secret.plaintext-env apps[api].configEnv[API_TOKEN].value <redacted>",
                "secret.plaintext-credential apps[api].configEnv[UPSTREAM].value <redacted>"),
                found.stream().map(v -> v.code() + " " + v.path() + " " + v.value()).toList());
        assertFalse(found.toString().contains("hunter2"));
    }

    @Test
    void reportsEveryConfigMistakeInTheOneExceptionWithTheOthers() {
        SpecException e = assertThrows(SpecException.class, () -> withApp(a -> a.image("nginx")
                .configFile("relative", "x")
                .configFileFromResource("/etc/api/missing.yaml", "no/such/resource.yaml")
                .configFile("/etc/api/app.conf", "password=hunter2-horse\n")
                .configEnv("1BAD", "x")).build());
        assertEquals(List.of(ViolationCode.IMAGE_UNPINNED, ViolationCode.CONFIG_PATH_INVALID,
                        ViolationCode.CONFIG_RESOURCE_NOT_FOUND, ViolationCode.CONFIG_SECRET_ASSIGNMENT, ViolationCode.ENV_NAME_INVALID),
                e.violations().stream().map(Violation::code).toList());
        assertTrue(e.getMessage().contains("no/such/resource.yaml"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aNullIsAMissingValueAtItsPath() {
        violation(withApp(a -> a.configFile("/etc/api/app.conf", null)), FILE + ".content", ViolationCode.SPEC_VALUE_MISSING);
        violation(withApp(a -> a.configEnv("MODE", null)), "apps[api].configEnv[MODE].value", ViolationCode.SPEC_VALUE_MISSING);
    }
}
