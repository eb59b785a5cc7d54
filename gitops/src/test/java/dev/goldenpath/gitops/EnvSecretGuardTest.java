package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The secret guard on {@code env} entries (and any name/value pair) whose name says "secret" and whose value is literal. */
class EnvSecretGuardTest {

    private static List<String> lines(String path, String content) {
        List<SecretFinding> findings = new ArrayList<>();
        SecretGuard.scan(path, content.getBytes(StandardCharsets.UTF_8), findings);
        findings.sort(null);
        return findings.stream().map(SecretFinding::toString).toList();
    }

    private static String rule(String name) {
        return "plaintext value of secret-looking name '" + name + "' (use valueFrom.secretKeyRef and a SealedSecret)";
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: payments-api
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/payments-api:1.4.2
                      env:
                        - name: LOG_LEVEL
                          value: info
                        - name: DB_PASSWORD
                          value: hunter2
                        - name: DB_HOST
                          value: db.payments
                        - value: "hunter2"   # value before name
                          name: "API_TOKEN"
                        - name: CLIENT_SECRET
                          valueFrom:
                            secretKeyRef:
                              name: oauth-client-secret
                              key: secret
                        - name: DSN_PASSWORD
                          value: $(DB_PASSWORD)
                        - name: EMPTY_PASSWORD
                          value: ""
            """;

    private static final String FLOW = """
            containers:
              - name: app
                env: [{name: DB_PASSWORD, value: 'hunter2'}, {name: LOG_LEVEL, value: info}]
              - env: [ {"name": "apiKey", "value": "abc"},
                       {name: TOKEN_REF, value: "$(A)$(B)"},
                       {name: private-key,
                        value: "multi line flow"} ]
            """;

    private static final String MULTI = """
            apiVersion: v1
            kind: ConfigMap
            data: {a: b}
            ---
            kind: CronJob
            env:
            - name: SMTP_PASSWORD
              value: hunter2
            ...
            ---
            kind: List
            items:
              - env:
                - {name: Api-Key-Token, value: k}
            """;

    private static final String ANCHORS = """
            x-defaults:
              plain: &pw hunter2
              secretName: &name SERVICE_CREDENTIAL
              base: &base
                name: DB_PASSWORD
                value: *pw
            env:
              - <<: *base
              - name: ADMIN_PWD
                value: &other literal
              - {name: LOG_LEVEL, value: *other}
              - name: *name
                value: !!str tagged
            """;

    private static final String BLOCK = """
            env:
              - name: DB_PASSWORD
                value: |
                  name: ACCESS_KEY
                  value: not a key, text of the block
              - name: LOG_LEVEL
                value: info # comment
            """;

    @Test
    void flagsLiteralValuesOfSecretLookingEnvNamesInBlockYaml() {
        List<String> found = lines("deploy.yaml", DEPLOYMENT);

        assertEquals(List.of("deploy.yaml:15: " + rule("DB_PASSWORD"), "deploy.yaml:18: " + rule("API_TOKEN")), found);
        assertFalse(String.join("\n", found).contains("hunter2"), "a finding never repeats the value");
    }

    @Test
    void flagsFlowStyleEntriesAndFlowSequences() {
        assertEquals(List.of("f.yaml:3: " + rule("DB_PASSWORD"), "f.yaml:4: " + rule("apiKey"),
                "f.yaml:7: " + rule("private-key")), lines("f.yaml", FLOW));
    }

    @Test
    void flagsJsonManifestsPrettyOrOnOneLine() {
        String pretty = """
                {
                  "apiVersion": "apps/v1",
                  "kind": "Deployment",
                  "spec": {"template": {"spec": {"containers": [
                    {
                      "name": "app",
                      "env": [
                        {"name": "LOG_LEVEL", "value": "info"},
                        {
                          "name": "DB_PASS\\u0057ORD",
                          "value": "hunter2"
                        },
                        {"name": "REDIS_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "redis", "key": "password"}}}
                      ]
                    }
                  ]}}}
                }
                """;
        String oneLine = "{\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"GITHUB_TOKEN\","
                + "\"value\":\"x\"}]}]}}";

        assertEquals(List.of("d.json:11: " + rule("DB_PASSWORD")), lines("d.json", pretty));
        assertEquals(List.of("p.json:1: " + rule("GITHUB_TOKEN")), lines("p.json", oneLine));
    }

    @Test
    void readsEveryDocumentOfAFileAndEveryKindOfList() {
        assertEquals(List.of("m.yaml:8: " + rule("SMTP_PASSWORD"), "m.yaml:14: " + rule("Api-Key-Token")),
                lines("m.yaml", MULTI));
    }

    @Test
    void followsAnchorsAliasesAndMergeKeysAsKubernetesReadsThem() {
        assertEquals(List.of("a.yaml:6: " + rule("DB_PASSWORD"), "a.yaml:10: " + rule("ADMIN_PWD"),
                "a.yaml:13: " + rule("SERVICE_CREDENTIAL")), lines("a.yaml", ANCHORS));
    }

    @Test
    void blockScalarValuesAreLiteralsAndTheirLinesAreNotKeys() {
        assertEquals(List.of("b.yaml:3: " + rule("DB_PASSWORD")), lines("b.yaml", BLOCK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "db_password", "DbPassword", "db-password", "db.password", "PASSWD",
            "HOME_PWD", "Client-Secret", "CLIENTSECRET", "SLACK_TOKEN", "ApiKey", "API_KEY", "X-API-KEY",
            "PRIVATE_KEY", "AWS_ACCESS_KEY_ID", "DB_CREDENTIALS", "CONNECTION_STRING", "ConnectionString",
            "AUTH_KEY", "authToken", "Auth.Key"})
    void secretLookingNamesInAnyCaseAndSpelling(String name) {
        assertEquals(List.of("e.yaml:2: " + rule(name)), lines("e.yaml", "- name: \"" + name + "\"\n  value: v\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_USER", "LOG_LEVEL", "AUTHOR", "AUTHORIZATION_URL", "KEYCLOAK_URL", "PASS", "SECRE"})
    void ordinaryNamesPass(String name) {
        assertEquals(List.of(), lines("e.yaml", "- name: " + name + "\n  value: v\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"value: \"\"", "value: ''", "value:", "value: ~", "value: null", "value: $(DB_PASSWORD)",
            "value: \"$(A)$(B_C)\"", "valueFrom: {secretKeyRef: {name: db, key: password}}"})
    void emptyValuesReferencesAndValueFromPass(String value) {
        assertEquals(List.of(), lines("e.yaml", "env:\n  - name: DB_PASSWORD\n    " + value + "\n"));
    }

    @Test
    void agreesWithARealYamlParserOnWhatIsFlagged() {
        // SnakeYAML resolves anchors, aliases and merge keys as Kubernetes' YAML reader does; the guard must
        // flag exactly the names a full parse says hold a literal (a merged copy is reported once, at the
        // line the literal is written on, so names are compared as sets).
        for (String yaml : List.of(DEPLOYMENT, FLOW, MULTI, ANCHORS, BLOCK, """
                a: &a {name: DB_PASSWORD}
                b: [{<<: *a, value: x}, {name: LOG, value: y}]
                c:
                  - &c
                    name: PLAIN
                    value: z
                  - {<<: [*c], name: MY_TOKEN}
                """, "{\"x\": [{\"name\": \"A_SECRET\", \"value\": \"1\"}, {\"name\": \"a\", \"value\": \"\"}]}")) {
            assertEquals(oracle(yaml), guarded(yaml), yaml);
        }
    }

    @Test
    void publishRefusesADeploymentWithALiteralPasswordAndCommitsNothing(@TempDir Path temp) {
        Path bare = temp.resolve("gitops.git");
        GitOps.localBare(bare).publish(Trees.apps("a", 1, "1"), "v1");
        String before = GitCli.run(bare, "rev-parse", "main");

        SecretGuardException e = assertThrows(SecretGuardException.class, () -> GitOps.localBare(bare)
                .publish(Trees.apps("a", 1, "1").plus(Trees.of("a-0/payments-api.yaml", DEPLOYMENT)), "leak"));

        assertEquals(List.of(new SecretFinding("a-0/payments-api.yaml", 15, rule("DB_PASSWORD")),
                new SecretFinding("a-0/payments-api.yaml", 18, rule("API_TOKEN"))), e.findings());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertEquals(before, GitCli.run(bare, "rev-parse", "main"));
    }

    private static final Pattern FLAGGED = Pattern.compile("secret-looking name '([^']*)'");

    private static List<String> guarded(String yaml) {
        List<String> names = new ArrayList<>();
        for (String line : lines("o.yaml", yaml)) {
            Matcher matcher = FLAGGED.matcher(line);
            assertTrue(matcher.find(), line);
            names.add(matcher.group(1));
        }
        return names.stream().distinct().sorted().toList();
    }

    private static List<String> oracle(String yaml) {
        List<String> names = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            walk(document, names);
        }
        return names.stream().distinct().sorted().toList();
    }

    private static void walk(Object node, List<String> names) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("name") instanceof String name && SecretNames.looksSecret(name)
                    && map.get("value") instanceof String value && !value.isEmpty()
                    && !value.matches("(\\$\\([^()$\\s]+\\))+")) {
                names.add(name);
            }
            map.values().forEach(child -> walk(child, names));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> walk(child, names));
        }
    }
}
