package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linter reads YAML as Kubernetes does: {@code sigs.k8s.io/yaml} decodes with go-yaml v2 into untyped values
 * and converts them to JSON. Every case here is one where a reader that differs (Jackson's YAML parser, a YAML 1.2
 * reader) would see something other than what the cluster runs.
 */
class KubernetesYamlTest {

    /** A one-document tree as the linter reads it. */
    private static JsonNode read(String yaml) {
        List<YamlDocuments.Document> documents = YamlDocuments.parse(yaml);
        assertEquals(1, documents.size());
        assertEquals("", documents.get(0).problem(), "no problem expected");
        return documents.get(0).tree();
    }

    private static String problem(String yaml) {
        List<YamlDocuments.Document> documents = YamlDocuments.parse(yaml);
        assertEquals(1, documents.size());
        assertTrue(documents.get(0).tree() == null, "a problem expected, got " + documents.get(0).tree());
        return documents.get(0).problem();
    }

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop}
            spec:
              containers:
              - name: first
                image: registry.example.com/a:1.0.0
                securityContext: &sc
                  privileged: true
              - name: second
                image: registry.example.com/b:1.0.0
                securityContext: %s
            """;

    @Test
    void jacksonsYamlParserReadsAnAliasAsTheAnchorsNameWhichIsWhyTheLinterDoesNotUseIt() throws Exception {
        ObjectMapper jackson = new YAMLMapper();

        JsonNode tree = jackson.readTree("a: &sc {privileged: true}\nb: *sc\nc: {<<: *sc}\n");

        assertEquals("sc", tree.get("b").asText(), "Jackson 2.x gives the alias's name, not its value");
        assertEquals("sc", tree.get("c").get("<<").asText(), "and does not apply merge keys");
    }

    @Test
    void anAliasedSecurityContextIsFoundInEveryContainerThatUsesIt() {
        LintReport report = Linter.defaults().lintYaml("pod.yaml", POD.formatted("*sc"));

        List<Finding> privileged = report.findings(Rules.PRIVILEGED);
        assertEquals(List.of("spec.containers[0].securityContext.privileged",
                "spec.containers[1].securityContext.privileged"),
                privileged.stream().map(Finding::fieldPath).toList());
        assertEquals(12, privileged.get(1).line(), "the finding points at the alias");
    }

    @Test
    void aMergedSecurityContextIsFound() {
        LintReport report = Linter.defaults().lintYaml("pod.yaml", POD.formatted("\n      <<: *sc\n      runAsUser: 1000"));

        assertEquals(2, report.findings(Rules.PRIVILEGED).size(), report.format(Format.TEXT));
        assertEquals(13, report.findings(Rules.PRIVILEGED).get(1).line(), "the line of the merge key");
    }

    @Test
    void aliasesResolveToScalarsMappingsAndSequences() {
        JsonNode tree = read("""
                scalar: &s registry.example.com/app:1.0.0
                mapping: &m {cpu: 100m, memory: 64Mi}
                sequence: &q [ALL, NET_RAW]
                uses: {image: *s, limits: *m, drop: *q}
                """);

        assertEquals("registry.example.com/app:1.0.0", tree.at("/uses/image").textValue());
        assertEquals("64Mi", tree.at("/uses/limits/memory").textValue());
        assertEquals("NET_RAW", tree.at("/uses/drop/1").textValue());
    }

    @Test
    void keysAfterAMergeOverrideItAndKeysBeforeItAreOverriddenAsGoYamlV2Does() {
        JsonNode tree = read("""
                base: &base {privileged: true, runAsUser: 0}
                after: {<<: *base, privileged: false}
                before: {privileged: false, <<: *base}
                """);

        assertEquals(false, tree.at("/after/privileged").booleanValue(), "a key after << overrides the merge");
        assertEquals(true, tree.at("/before/privileged").booleanValue(),
                "go-yaml v2 applies << where it stands: it overrides the key written before it");
        assertEquals(0, tree.at("/before/runAsUser").intValue());
    }

    @Test
    void inAListOfMergedMapsTheEarlierMapWins() {
        JsonNode tree = read("""
                a: &a {x: from-a}
                b: &b {x: from-b, z: from-b}
                merged:
                  <<: [*a, *b]
                inline:
                  <<: [{x: inline}, *b]
                """);

        assertEquals("from-a", tree.at("/merged/x").textValue());
        assertEquals("from-b", tree.at("/merged/z").textValue());
        assertEquals("inline", tree.at("/inline/x").textValue());
    }

    @Test
    void nestedMergesResolveAndMergedValuesAreNotDeepMerged() {
        JsonNode tree = read("""
                root: &root {securityContext: {privileged: true, runAsNonRoot: true}, image: a:1}
                middle: &middle {<<: *root, name: middle}
                leaf:
                  <<: *middle
                  securityContext: {runAsNonRoot: true}
                """);

        assertEquals("middle", tree.at("/leaf/name").textValue());
        assertEquals("a:1", tree.at("/leaf/image").textValue());
        assertTrue(tree.at("/leaf/securityContext/privileged").isMissingNode(), "a merged value is replaced whole");
    }

    @Test
    void aQuotedMergeKeyIsAnOrdinaryKeyAndATaggedOneMerges() {
        JsonNode tree = read("""
                a: &a {x: 1}
                quoted: {"<<": *a}
                tagged: {!!merge <<: *a}
                """);

        assertEquals(1, tree.at("/quoted/<</x").intValue());
        assertEquals(1, tree.at("/tagged/x").intValue());
    }

    @Test
    void aMergeOfSomethingOtherThanMapsIsRefused() {
        assertTrue(problem("a: &a [1]\nb: {<<: *a}\n").contains("map merge requires map"));
        assertTrue(problem("b: {<<: [1, 2]}\n").contains("map merge requires map"));
        assertTrue(problem("b: {<<: text}\n").contains("map merge requires map"));
    }

    @Test
    void anchorsDoNotReachAcrossDocuments() {
        LintReport report = Linter.defaults().lintYaml("two.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                data: &shared {mode: production}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b}
                data: *shared
                """);

        Finding unknown = report.findings(Rules.YAML_SYNTAX).get(0);
        assertEquals(1, unknown.documentIndex());
        assertEquals(9, unknown.line());
        assertTrue(unknown.message().contains("unknown anchor 'shared'"), unknown.message());
        assertEquals(1, report.objectCount(), "the first document is still linted");
    }

    @Test
    void anAnchorMayBeRedefinedAndAnAliasInsideItsOwnAnchorIsRefused() {
        JsonNode tree = read("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
        assertEquals(1, tree.get("b").intValue());
        assertEquals(2, tree.get("d").intValue());

        assertTrue(problem("a: &x [1, *x]\n").contains("contains itself"));
    }

    @Test
    void aBillionLaughsDocumentIsOneFindingAndTheRunGoesOn() {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n"
                + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("l").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\n");

        LintReport report = Linter.defaults().lintYaml("bomb.yaml", bomb.toString());

        List<Finding> syntax = report.findings(Rules.YAML_SYNTAX);
        assertEquals(1, syntax.size(), report.format(Format.TEXT));
        assertTrue(syntax.get(0).message().contains("excessive aliasing"), syntax.get(0).message());
        // go-yaml's budget: aliases may make up 99% of the values decoded; a fan-out of ten passes that at l3.
        assertEquals(7, syntax.get(0).line(), "at the alias that overflows the budget");
        assertEquals(1, report.objectCount(), "the next document is linted");
    }

    @Test
    void aDocumentThatUsesAliasesModeratelyIsRead() {
        StringBuilder yaml = new StringBuilder("base: &b {a: 1, b: 2, c: 3}\nitems:\n");
        for (int i = 0; i < 2000; i++) {
            yaml.append("- *b\n");
        }
        assertEquals(2000, read(yaml.toString()).get("items").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes", "YES", "y", "Y", "on", "On", "ON", "true", "True", "TRUE"})
    void yaml11TrueWordsAreTrue(String word) {
        LintReport report = Linter.defaults().lintYaml("pod.yaml",
                POD.replace("privileged: true", "privileged: " + word).formatted("{}"));

        assertEquals(1, report.findings(Rules.PRIVILEGED).size(), word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "0x0", "0X0", "0o0", "0b0", "+0", "-0", "0_0", "0.0", "0e3", "-0.0"})
    void everySpellingOfZeroIsRoot(String zero) {
        JsonNode tree = read("runAsUser: " + zero + "\n");

        assertTrue(tree.get("runAsUser").isIntegralNumber(), zero + " -> " + tree);
        assertEquals(0, tree.get("runAsUser").longValue());
    }

    @Test
    void integersFloatsAndStringsResolveAsInGoYamlV2() {
        JsonNode tree = read("""
                octal: 0755
                hex: 0x1F
                binary: 0b101
                underscores: 1_000
                notOctal: 09
                big: 18446744073709551615
                float: 1.5
                exponent: 1e3
                tooBig: 1e400
                date: 2024-01-02
                quoted: "0x1F"
                nothing: ~
                empty:
                word: no
                version: 1.10
                """);

        assertEquals(493, tree.get("octal").intValue());
        assertEquals(31, tree.get("hex").intValue());
        assertEquals(5, tree.get("binary").intValue());
        assertEquals(1000, tree.get("underscores").intValue());
        assertEquals(9, tree.get("notOctal").intValue(), "go-yaml falls back to a float, which JSON writes as 9");
        assertEquals("18446744073709551615", tree.get("big").bigIntegerValue().toString());
        assertEquals(1.5, tree.get("float").doubleValue());
        assertEquals(1000, tree.get("exponent").intValue());
        assertEquals("1e400", tree.get("tooBig").textValue());
        assertEquals("2024-01-02", tree.get("date").textValue());
        assertEquals("0x1F", tree.get("quoted").textValue());
        assertTrue(tree.get("nothing").isNull());
        assertTrue(tree.get("empty").isNull());
        assertEquals(false, tree.get("word").booleanValue());
        assertEquals(1.1, tree.get("version").doubleValue());
    }

    @Test
    void keysBecomeJsonFieldNamesAsSigsK8sYamlWritesThem() {
        JsonNode tree = read("{yes: a, 0x10: b, 1.5: c, 1e6: d, ~x: e}\n");

        assertEquals(List.of("true", "16", "1.5", "1e+06", "~x"), List.copyOf(iterable(tree)));
        assertTrue(problem("{~: a}\n").contains("key is null"));
    }

    private static List<String> iterable(JsonNode tree) {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void explicitTagsAreHonouredAndBinaryIsDecoded() {
        String secret = "hunter2-" + "binary";
        JsonNode tree = read("""
                str: !!str 0x10
                int: !!int "0x10"
                float: !!float 2
                binary: !!binary %s
                custom: !vendor/thing 12
                """.formatted(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));

        assertEquals("0x10", tree.get("str").textValue());
        assertEquals(16, tree.get("int").intValue());
        assertEquals(2, tree.get("float").intValue());
        assertEquals(secret, tree.get("binary").textValue());
        assertEquals("12", tree.get("custom").textValue());
        assertTrue(problem("a: !!int twelve\n").contains("!!int"));
        assertTrue(problem("a: !!binary not*base64\n").contains("base64"));
    }

    @Test
    void aDuplicateKeyIsAFindingButAMergedKeyMayBeOverridden() {
        assertTrue(problem("a: 1\nb: 2\na: 3\n").contains("duplicate key \"a\""));
        assertTrue(problem("1: a\n\"1\": b\n").contains("duplicate key \"1\""), "the same JSON field twice");
        assertEquals(3, read("x: &x {a: 1}\nz: {<<: *x, a: 3}\n").at("/z/a").intValue());
    }

    @Test
    void valuesWithoutAJsonFormAreRefused() {
        assertTrue(problem("a: .inf\n").contains("no JSON form"));
        assertTrue(problem("a: .nan\n").contains("no JSON form"));
        assertEquals(".inf", read("{.inf: 1}\n").fieldNames().next());
    }

    @Test
    void parseErrorsNeverQuoteTheDocument() {
        String secret = "s3cr3t-" + "value";
        String message = problem("password: " + secret + "\n  bad: [\n");

        assertTrue(message.startsWith("YAML syntax error: "), message);
        assertTrue(!message.contains(secret), message);
    }
}
