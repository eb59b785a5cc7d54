package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.vocabulary.RuleId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule {@code plaintext-env-secret} over every kind that carries a pod template and every kind of container. The
 * credentials are made at test time (random text in each well-known format, a private key from the JDK), so none
 * sits in the repository, and no report format may show them.
 */
class EnvSecretsTest {

    private static final String CONTAINER = """
            - name: app
              image: registry.example.com/app:1.0.0
              env:
              - name: %s
                value: %s
            """;

    /** Each kind with its pod spec's path and the YAML that leads to it. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("v1", "Pod", "spec", ""),
                Arguments.of("apps/v1", "Deployment", "spec.template.spec", "template"),
                Arguments.of("apps/v1", "StatefulSet", "spec.template.spec", "template"),
                Arguments.of("apps/v1", "DaemonSet", "spec.template.spec", "template"),
                Arguments.of("apps/v1", "ReplicaSet", "spec.template.spec", "template"),
                Arguments.of("v1", "ReplicationController", "spec.template.spec", "template"),
                Arguments.of("batch/v1", "Job", "spec.template.spec", "template"),
                Arguments.of("batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec", "jobTemplate.spec.template"),
                Arguments.of("argoproj.io/v1alpha1", "Rollout", "spec.template.spec", "template"));
    }

    private static String object(String apiVersion, String kind, String templatePath, String containers) {
        StringBuilder spec = new StringBuilder();
        String indent = "";
        if (!templatePath.isEmpty()) {
            for (String segment : templatePath.split("\\.")) {
                spec.append(indent).append("  ").append(segment).append(":\n");
                indent += "  ";
            }
            spec.append(indent).append("  spec:\n");
            indent += "  ";
        }
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: app, namespace: shop}\nspec:\n"
                + spec + containers.indent(indent.length() + 2);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("kinds")
    void everyContainerOfEveryPodTemplateIsChecked(String apiVersion, String kind, String specPath,
                                                  String templatePath) {
        String containers = "initContainers:\n" + CONTAINER.formatted("DB_PASSWORD", "hunter2").indent(0)
                + "containers:\n" + CONTAINER.formatted("API_TOKEN", "t0k3n")
                + "ephemeralContainers:\n" + CONTAINER.formatted("client-secret", "s3cr3t");

        LintReport report = Linter.defaults().lintYaml("app.yaml", object(apiVersion, kind, templatePath, containers));

        List<Finding> findings = report.findings(RuleId.PLAINTEXT_ENV_SECRET);
        assertEquals(List.of(specPath + ".initContainers[0].env[0].value", specPath + ".containers[0].env[0].value",
                specPath + ".ephemeralContainers[0].env[0].value"),
                findings.stream().map(Finding::fieldPath).toList(), report.format(Format.TEXT));
        assertTrue(findings.get(0).message().contains("init container \"app\" sets env \"DB_PASSWORD\""));
        assertTrue(findings.get(2).message().contains("ephemeral container"));
        for (Format format : Format.values()) {
            String out = report.format(format);
            for (String value : List.of("hunter2", "t0k3n", "s3cr3t")) {
                assertFalse(out.contains(value), format + " shows a secret value");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "db_password", "DB-PASSWD", "mysql.pwd", "APP_SECRET", "GITHUB_TOKEN",
        "Api-Key", "STRIPE_API_KEY", "PRIVATE_KEY", "SERVICE_CREDENTIALS", "AWS_ACCESS_KEY_ID",
        "AZURE_CLIENT_SECRET", "DB_CONNECTION_STRING", "AUTH_KEY", "X_AUTH_TOKEN", "sentry.auth-token"})
    void secretLookingNamesAreRecognisedAfterLowerCasingAndDroppingSeparators(String name) {
        assertTrue(EnvSecrets.secretName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOG_LEVEL", "AUTHOR", "AUTH_URL", "KEYCLOAK_REALM", "PORT", "OAUTH_ISSUER"})
    void ordinaryNamesAreNot(String name) {
        assertFalse(EnvSecrets.secretName(name), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$(DB_PASSWORD)|0", "$(PREFIX)$(SUFFIX)|0", "$$(DB_PASSWORD)|1", "$(DB_PASSWORD)-suffix|1", "''|0"})
    void onlyPureVariableReferencesAreNotLiterals(String value, int findings) {
        String pod = object("v1", "Pod", "", "containers:\n" + CONTAINER.formatted("DB_PASSWORD", "\"" + value + "\""));

        assertEquals(findings, Linter.defaults().lintYaml("pod.yaml", pod).findings(RuleId.PLAINTEXT_ENV_SECRET).size());
    }

    /** Random text in each well-known credential format, with what the finding calls it. */
    static Stream<Arguments> credentials() throws NoSuchAlgorithmException {
        String pem = "-----BEGIN " + "PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Stream.of(
                Arguments.of(pem, "a private key"),
                Arguments.of("-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + random(70) + "\n", "a private key"),
                Arguments.of("-----BEGIN " + "RSA PRIVATE KEY-----\n" + random(64) + "\n", "a private key"),
                Arguments.of("ghp_" + random(36), "a GitHub token"),
                Arguments.of("https://x:" + "github_pat_" + random(22) + "_" + random(59) + "@github.com/o/r.git",
                        "a GitHub token"),
                Arguments.of("glpat-" + random(20), "a GitLab token"),
                Arguments.of("AKIA" + random(16).toUpperCase(), "an AWS access key"),
                Arguments.of("xoxb-" + random(12) + "-" + random(24), "a Slack token"),
                Arguments.of("sk_live_" + random(24), "a Stripe live key"),
                Arguments.of("AIza" + random(35), "a Google API key"),
                Arguments.of("Bearer eyJ" + random(20) + ".eyJ" + random(30) + "." + random(43), "a JSON Web Token"));
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("credentials")
    void aCredentialIsFoundWhateverTheNameAndNeverShown(String credential, String description) {
        String quoted = "\"" + credential.replace("\n", "\\n") + "\"";
        String pod = object("v1", "Pod", "", "containers:\n" + CONTAINER.formatted("UPSTREAM", quoted));

        LintReport report = Linter.defaults().lintYaml("pod.yaml", pod);

        Finding finding = report.findings(RuleId.PLAINTEXT_ENV_SECRET).get(0);
        assertEquals("container \"app\" sets env \"UPSTREAM\" to a literal value that looks like " + description,
                finding.message());
        String secretPart = credential.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        for (Format format : Format.values()) {
            assertFalse(report.format(format).contains(secretPart.substring(secretPart.length() - 12)),
                    format + " shows the credential");
        }
    }

    @Test
    void aSecretHiddenAsBinaryIsReadAsKubernetesDecodesIt() {
        String token = "ghp_" + random(36);
        String encoded = Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        String pod = object("v1", "Pod", "", "containers:\n" + CONTAINER.formatted("UPSTREAM", "!!binary " + encoded));

        List<Finding> findings = Linter.defaults().lintYaml("pod.yaml", pod).findings(RuleId.PLAINTEXT_ENV_SECRET);

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().endsWith("a GitHub token"));
    }

    @Test
    void aSecretFromAnAnchorInAnotherContainerIsFound() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: app}
                spec:
                  containers:
                  - name: a
                    image: registry.example.com/a:1.0.0
                    env: &env [{name: LOG_LEVEL, value: info}]
                  - name: b
                    image: registry.example.com/b:1.0.0
                    env: [{<<: {name: DB_PASSWORD, value: hunter2}}]
                """;

        List<Finding> findings = Linter.defaults().lintYaml("pod.yaml", pod).findings(RuleId.PLAINTEXT_ENV_SECRET);

        assertEquals(List.of("spec.containers[1].env[0].value"), findings.stream().map(Finding::fieldPath).toList());
    }
}
