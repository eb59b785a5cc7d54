package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.RuleId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign input written to break the linter or slip past it: each case ends in a finding or a note with the file
 * and line, and the rest of the input is still linted. (How long the large inputs take is measured in the
 * benchmarks module, not here.)
 */
class HostileInputTest {

    private static final String PRIVILEGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: root, namespace: shop}
            spec:
              containers:
              - name: app
                image: registry.example.com/app:1.0.0
                securityContext: {privileged: true}
            """;

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {mode: production}
            """;

    @Test
    void aValueOfSeveralMegabytesOnOneLineIsRead() {
        String blob = "x".repeat(6 * 1024 * 1024);
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {blob: " + blob + "}\n---\n"
                + PRIVILEGED_POD;

        LintReport report = Linter.defaults().lintYaml("big.yaml", yaml);

        assertEquals(2, report.objectCount());
        assertEquals(List.of(), report.findings(RuleId.YAML_SYNTAX));
        assertEquals(1, report.findings(RuleId.PRIVILEGED).size());
    }

    @Test
    void aMinifiedJsonListOnOneLineIsRead() {
        StringBuilder json = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
        for (int i = 0; i < 20_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                    + "{\"name\":\"c").append(i).append("\"},\"data\":{\"k\":\"").append("v".repeat(100)).append("\"}}");
        }
        json.append("]}");

        LintReport report = Linter.defaults().lintYaml("list.yaml", json.toString());

        assertEquals(20_000, report.objectCount());
    }

    @Test
    void invalidUtf8IsAFindingOfItsDocumentAndEverythingElseIsLinted(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(CONFIG_MAP.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: latin1}\ndata: {city: M".getBytes(
                StandardCharsets.UTF_8));
        int offset = bytes.size();
        bytes.write(0xFC); // 'ü' in Latin-1, invalid as UTF-8
        bytes.writeBytes("nchen}\n---\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(PRIVILEGED_POD.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("a-mixed.yaml"), bytes.toByteArray());
        Files.writeString(dir.resolve("b-clean.yaml"), CONFIG_MAP.replace("settings", "other"));

        LintReport report = Linter.defaults().lint(dir);

        Finding utf8 = report.findings(RuleId.YAML_SYNTAX).get(0);
        assertTrue(utf8.file().endsWith("a-mixed.yaml"), utf8.file());
        assertEquals(1, utf8.documentIndex());
        assertEquals(9, utf8.line());
        assertTrue(utf8.message().contains("invalid UTF-8 at byte offset " + offset), utf8.message());
        assertEquals(3, report.objectCount(), "the other documents and files are linted");
        assertEquals(1, report.findings(RuleId.PRIVILEGED).size());
    }

    @Test
    void aUtf16FileIsReportedNotMisread() {
        byte[] utf16 = CONFIG_MAP.getBytes(StandardCharsets.UTF_16);

        LintReport report = Linter.defaults().lint(RenderedTree.builder().add("utf16.yaml", utf16).build());

        assertEquals(1, report.findings(RuleId.YAML_SYNTAX).size(), report.format(Format.TEXT));
        assertTrue(report.findings(RuleId.YAML_SYNTAX).get(0).message().contains("byte offset 0"));
    }

    @Test
    void listsNestedInListsAreLintedItemByItem() {
        String yaml = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: List
                  items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings}
                  - apiVersion: v1
                    kind: Pod
                    metadata: {name: root}
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/app:1.0.0
                        securityContext: {privileged: true}
                """;

        LintReport report = Linter.defaults().lintYaml("list.yaml", yaml);

        Finding privileged = report.findings(RuleId.PRIVILEGED).get(0);
        assertEquals("items[0].items[1].spec.containers[0].securityContext.privileged", privileged.fieldPath());
        assertEquals(17, privileged.line());
        assertEquals(2, report.objectCount());
    }

    @Test
    void listNestingIsBounded() {
        String yaml = PRIVILEGED_POD.indent(2).replaceFirst("  ", "- ");
        for (int depth = 0; depth < Linter.MAX_LIST_DEPTH + 2; depth++) {
            yaml = "apiVersion: v1\nkind: List\nitems:\n" + yaml;
            yaml = depth == Linter.MAX_LIST_DEPTH + 1 ? yaml : yaml.indent(2).replaceFirst("  ", "- ");
        }

        LintReport report = Linter.defaults().lintYaml("deep.yaml", yaml);

        Finding deep = report.findings(RuleId.OBJECT_SHAPE).get(0);
        assertTrue(deep.message().contains("nested deeper than " + Linter.MAX_LIST_DEPTH), deep.message());
        assertTrue(deep.line() > 1);
        assertEquals(0, report.objectCount());
    }

    @Test
    void podTemplatesOfCustomResourcesAreChecked() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web, namespace: shop}
                spec:
                  strategy: {canary: {steps: [{setWeight: 20}]}}
                  template:
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/web:1.0.0
                        securityContext: {privileged: true}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledJob
                metadata: {name: worker, namespace: shop}
                spec:
                  jobTargetRef:
                    template:
                      spec:
                        containers:
                        - name: worker
                          image: registry.example.com/worker:1.0.0
                          securityContext: {runAsUser: 0}
                """;

        LintReport report = Linter.defaults().lintYaml("crs.yaml", yaml);

        assertEquals("spec.template.spec.containers[0].securityContext.privileged",
                report.findings(RuleId.PRIVILEGED).get(0).fieldPath());
        assertEquals(11, report.findings(RuleId.PRIVILEGED).get(0).line());
        assertEquals("spec.jobTargetRef.template.spec.containers[0].securityContext.runAsUser",
                report.findings(RuleId.RUN_AS_USER).get(0).fieldPath());
        assertEquals(1, report.findings(RuleId.PROBES).size(), "the Rollout runs forever; the job's pods do not");
    }

    @Test
    void containersInKindsWithoutAKnownPodTemplateGetANote() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: build-}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container:
                      image: registry.example.com/builder:1.0.0
                      securityContext: {privileged: true}
                """;

        LintReport report = Linter.defaults().lintYaml("workflow.yaml", yaml);

        String note = report.notes().stream().filter(n -> n.contains("not checked")).findFirst().orElseThrow();
        assertTrue(note.contains("workflow.yaml:8 Workflow (unnamed) (spec.templates[0].container)"), note);
        assertTrue(report.format(Format.TEXT).contains(note));
    }

    @Test
    void loneCarriageReturnsEndLinesAsInYaml() {
        String yaml = (CONFIG_MAP + "---\n" + PRIVILEGED_POD).replace("\n", "\r");

        LintReport report = Linter.defaults().lintYaml("mac.yaml", yaml);

        assertEquals(2, report.objectCount(), "the second document is not hidden behind a \\r");
        assertEquals(13, report.findings(RuleId.PRIVILEGED).get(0).line());
    }

    @Test
    void crlfLineEndingsKeepLineNumbers() {
        String yaml = (CONFIG_MAP + "---\n" + PRIVILEGED_POD).replace("\n", "\r\n");

        LintReport report = Linter.defaults().lintYaml("windows.yaml", yaml);

        assertEquals(2, report.objectCount());
        assertEquals(13, report.findings(RuleId.PRIVILEGED).get(0).line());
    }

    @Test
    void byteOrderMarksAtTheStartOfTheFileAndOfALineAreSkippedAsGoYamlDoes() {
        LintReport report = Linter.defaults().lintYaml("bom.yaml",
                "\uFEFF" + CONFIG_MAP + "---\n\uFEFF" + PRIVILEGED_POD.replace("\nspec:", "\n\uFEFFspec:"));

        assertEquals(2, report.objectCount(), report.format(Format.TEXT));
        assertEquals(1, report.findings(RuleId.PRIVILEGED).size());
    }

    @Test
    void controlCharactersAreAFindingAtTheirLine() {
        LintReport report = Linter.defaults().lintYaml("bell.yaml",
                CONFIG_MAP.replace("production", "produc\u0007tion") + "---\n" + PRIVILEGED_POD);

        Finding bell = report.findings(RuleId.YAML_SYNTAX).get(0);
        assertEquals(4, bell.line());
        assertTrue(bell.message().contains("U+0007 is not allowed"), bell.message());
        assertEquals(1, report.objectCount());
    }

    @Test
    void deepNestingIsAFindingNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        LintReport report = Linter.defaults().lintYaml("deep.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + deep + "\n---\n" + CONFIG_MAP);

        assertTrue(report.findings(RuleId.YAML_SYNTAX).get(0).message().contains("deeper than 1000"));
        assertEquals(1, report.objectCount());
    }

    @Test
    void manyDocumentsInOneFileAreAllLinted() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            yaml.append("---\n").append(CONFIG_MAP.replace("settings", "c" + i));
        }

        LintReport report = Linter.defaults().lintYaml("many.yaml", yaml.toString());

        assertEquals(20_000, report.objectCount());
        assertFalse(report.hasFailures());
    }
}
