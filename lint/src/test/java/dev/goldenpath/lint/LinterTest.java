package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    private static final ObjectMapper YAML = new YAMLMapper();

    private static final String PRIVILEGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu-installer
              namespace: drivers
              annotations:
                weakening.goldenpath.dev/pss-privileged: "GPU driver installer, approved in SEC-142"
            spec:
              containers:
              - name: installer
                image: registry.example.com/drivers/gpu:2.1.0
                securityContext:
                  privileged: true
            """;

    @Test
    void weakenedFindingIsReportedWithItsReasonAndDoesNotFail() {
        LintReport report = Linter.defaults().lintYaml("pod.yaml", PRIVILEGED_POD);

        Finding privileged = report.findings(RuleId.PRIVILEGED).get(0);
        assertTrue(privileged.weakened());
        assertEquals("GPU driver installer, approved in SEC-142", privileged.weakeningReason());
        assertTrue(report.weakened().contains(privileged));
        assertFalse(report.failing().contains(privileged));
        assertTrue(report.format(Format.TEXT).contains("reason: GPU driver installer, approved in SEC-142"));
    }

    @Test
    void exceptionOnThePodTemplateCoversTheWorkload() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    metadata:
                      annotations:
                        weakening.goldenpath.dev/pss-host-ports: "legacy load balancer health check on the node"
                    spec:
                      containers:
                      - name: app
                        image: nginx:1.27.0
                        ports: [{containerPort: 80, hostPort: 80}]
                """;
        Finding hostPort = Linter.defaults().lintYaml("d.yaml", deployment).findings(RuleId.HOST_PORTS).get(0);

        assertEquals("legacy load balancer health check on the node", hostPort.weakeningReason());
    }

    @Test
    void exceptionWithoutReasonExceptsNothingAndIsItselfAnError() {
        LintReport report = Linter.defaults().lintYaml("pod.yaml",
                PRIVILEGED_POD.replace("\"GPU driver installer, approved in SEC-142\"", "\"  \""));

        assertFalse(report.findings(RuleId.PRIVILEGED).get(0).weakened());
        Finding blank = report.findings(RuleId.WEAKENING_ANNOTATION).get(0);
        assertEquals(Severity.ERROR, blank.severity());
        assertEquals("weakening of rule \"pss-privileged\" gives no reason", blank.message());
        assertEquals(7, blank.line());
        assertTrue(report.failing().contains(blank));
    }

    @Test
    void findingNamesFileDocumentObjectFieldLineMessageAndFix() {
        String yaml = "# Source: chart/templates/cm.yaml\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n"
                + PRIVILEGED_POD.replace("weakening.goldenpath.dev/pss-privileged", "note");
        LintReport report = Linter.defaults().lintYaml("out/all.yaml", yaml);

        Finding finding = report.findings(RuleId.PRIVILEGED).get(0);
        assertEquals("out/all.yaml", finding.file());
        assertEquals(1, finding.documentIndex());
        assertEquals("Pod drivers/gpu-installer", finding.object());
        assertEquals("spec.containers[0].securityContext.privileged", finding.fieldPath());
        assertEquals(20, finding.line());
        assertEquals("container \"installer\" must not set securityContext.privileged=true", finding.message());
        assertEquals(Rules.byId(RuleId.PRIVILEGED.id()).orElseThrow().fix(), finding.fix());
        assertEquals("out/all.yaml:20", finding.location());
    }

    @Test
    void missingFieldPointsAtItsNearestPresentParent() {
        LintReport report = Linter.defaults().lintYaml("pod.yaml", PRIVILEGED_POD);

        Finding escalation = report.findings(RuleId.ALLOW_PRIVILEGE_ESCALATION).get(0);
        assertEquals("spec.containers[0].securityContext.allowPrivilegeEscalation", escalation.fieldPath());
        assertEquals(12, escalation.line(), "the line of securityContext");
    }

    @Test
    void unparsableDocumentIsAFindingAtItsLineAndTheOthersAreStillLinted() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: fine
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                stringData:
                  password: "hunter2-the-real-one
                  other: x
                ---
                """ + PRIVILEGED_POD;
        LintReport report = Linter.defaults().lintYaml("mixed.yaml", yaml);

        Finding syntax = report.findings(RuleId.YAML_SYNTAX).get(0);
        assertEquals(1, syntax.documentIndex());
        assertTrue(syntax.line() >= 11 && syntax.line() <= 13, "line " + syntax.line());
        assertEquals(1, report.findings(RuleId.PRIVILEGED).size(), "the document after the broken one is linted");
        assertEquals(2, report.objectCount());
        for (Format format : Format.values()) {
            assertFalse(report.format(format).contains("hunter2"), "no secret value in " + format);
        }
    }

    @Test
    void secretValuesNeverAppearInAnyFormat() {
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                stringData:
                  password: correct-horse-battery-staple
                """;
        LintReport report = Linter.defaults().lintYaml("secret.yaml", secret);

        assertEquals("Secret carries 1 plaintext value in stringData",
                report.findings(RuleId.PLAINTEXT_SECRET).get(0).message());
        for (Format format : Format.values()) {
            assertFalse(report.format(format).contains("correct-horse"), format.label());
        }
    }

    @Test
    void lintObjectsUsesTheGivenLocation() throws IOException {
        JsonNode pod = YAML.readTree(PRIVILEGED_POD);
        LintReport report = Linter.defaults().lintObjects(
                List.of(new Manifest("apps/prod/gpu/pod.yaml", 3, 41, pod)));

        Finding finding = report.findings(RuleId.RUN_AS_NON_ROOT).get(0);
        assertEquals("apps/prod/gpu/pod.yaml", finding.file());
        assertEquals(3, finding.documentIndex());
        assertEquals(41, finding.line());
    }

    @Test
    void lintsTheYamlFilesOfARenderedTree() {
        RenderedTree tree = RenderedTree.builder()
                .add("apps/prod/gpu/pod.yaml", PRIVILEGED_POD)
                .add("apps/prod/gpu/README.md", "kind: not yaml to lint")
                .build();

        LintReport report = Linter.defaults().lint(tree);

        assertEquals(1, report.objectCount());
        assertEquals("apps/prod/gpu/pod.yaml", report.findings().get(0).file());
    }

    @Test
    void lintsFoldersRecursivelyInPathOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/nested"));
        Files.writeString(dir.resolve("b/nested/pod.yml"), PRIVILEGED_POD);
        Files.writeString(dir.resolve("a.yaml"), PRIVILEGED_POD);
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        LintReport report = Linter.defaults().lint(dir);

        assertEquals(2, report.objectCount());
        assertTrue(report.findings().get(0).file().endsWith("/a.yaml"));
        assertTrue(report.findings().get(report.findings().size() - 1).file().endsWith("/b/nested/pod.yml"));
    }

    @Test
    void missingPathsAreReportedTogether(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Linter.defaults().lint(dir.resolve("one"), dir.resolve("two")));

        assertTrue(e.getMessage().contains("one") && e.getMessage().contains("two"), e.getMessage());
    }

    @Test
    void unknownRuleIdsAreReportedTogether() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Linter.builder().disable("probs").enable("rbac-wildcards").build());

        assertTrue(e.getMessage().startsWith("unknown rule ids: rbac-wildcards, probs"), e.getMessage());
    }

    @Test
    void imageDigestIsOffByDefaultAndConfigurable() {
        assertFalse(Linter.defaults().rules().stream().anyMatch(rule -> rule.ruleId() == RuleId.IMAGE_DIGEST));

        LintReport report = Linter.builder().requireDigest(true).build().lintYaml("pod.yaml", PRIVILEGED_POD);

        assertEquals(1, report.findings(RuleId.IMAGE_DIGEST).size());
    }

    @Test
    void disabledRulesReportNothingAndWarningsFailOnlyWhenAsked() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, labels: {app: web, owner: shop, environment: prod}}
                spec:
                  template:
                    spec:
                      automountServiceAccountToken: false
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                      - name: app
                        image: registry.example.com/web:1.0.0
                        securityContext:
                          allowPrivilegeEscalation: false
                          readOnlyRootFilesystem: true
                          capabilities: {drop: [ALL]}
                        resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {cpu: 10m, memory: 16Mi}}
                """;
        LintReport defaults = Linter.defaults().lintYaml("d.yaml", deployment);
        assertEquals(List.of(RuleId.PROBES.id()), defaults.findings().stream().map(Finding::ruleId).toList());
        assertFalse(defaults.hasFailures(), "probes is a warning");

        assertTrue(Linter.builder().failOn(Severity.WARNING).build().lintYaml("d.yaml", deployment).hasFailures());
        assertTrue(Linter.builder().disable(RuleId.PROBES).build().lintYaml("d.yaml", deployment).findings().isEmpty());
    }

    @Test
    void requiredLabelsAreConfigurable() {
        LintReport report = Linter.builder().requiredLabels("team").build().lintYaml("pod.yaml", PRIVILEGED_POD);

        assertEquals("Pod is missing the required label \"team\"",
                report.findings(RuleId.REQUIRED_LABELS).get(0).message());
    }

    @Test
    void everyPodTemplateBearingKindIsChecked() {
        String template = """
                metadata: {labels: {app: x}}
                spec:
                  containers:
                  - name: app
                    image: registry.example.com/x:1.0.0
                    securityContext: {privileged: true}
                """.indent(4);
        String[][] kinds = {
            {"apps/v1", "Deployment", "spec:\n  template:\n" + template},
            {"apps/v1", "ReplicaSet", "spec:\n  template:\n" + template},
            {"apps/v1", "StatefulSet", "spec:\n  template:\n" + template},
            {"apps/v1", "DaemonSet", "spec:\n  template:\n" + template},
            {"batch/v1", "Job", "spec:\n  template:\n" + template},
            {"v1", "ReplicationController", "spec:\n  template:\n" + template},
            {"batch/v1", "CronJob", "spec:\n  jobTemplate:\n    spec:\n      template:\n" + template.indent(4)},
            {"v1", "PodTemplate", "template:\n" + template.indent(-2)},
        };
        for (String[] kind : kinds) {
            String yaml = "apiVersion: " + kind[0] + "\nkind: " + kind[1] + "\nmetadata: {name: x}\n" + kind[2];
            LintReport report = Linter.defaults().lintYaml("k.yaml", yaml);
            assertEquals(1, report.findings(RuleId.PRIVILEGED).size(), kind[1] + ":\n" + yaml + report.format(Format.TEXT));
        }
    }

    @Test
    void ephemeralContainersAreChecked() {
        String pod = PRIVILEGED_POD.replace("weakening.goldenpath.dev/pss-privileged", "note") + """
                  ephemeralContainers:
                  - name: debugger
                    image: busybox:1.36
                    securityContext:
                      capabilities: {add: [SYS_PTRACE]}
                """;
        LintReport report = Linter.defaults().lintYaml("pod.yaml", pod);

        assertEquals("ephemeral container \"debugger\" must not include \"SYS_PTRACE\" in "
                + "securityContext.capabilities.add", report.findings(RuleId.CAPABILITIES_BASELINE).get(0).message());
    }

    @Test
    void networkRulesAreSkippedWithANoteWhenTheInputHoldsNoNamespaceOrPolicy() {
        LintReport report = Linter.defaults().lintYaml("pod.yaml", PRIVILEGED_POD);

        assertTrue(report.findings(RuleId.NAMESPACE_DEFAULT_DENY).isEmpty());
        assertTrue(report.findings(RuleId.NETWORK_POLICY_COVERAGE).isEmpty());
        assertEquals(List.of(Network.SKIPPED_NOTE), report.notes());
    }

    @Test
    void yamlThatIsNotAKubernetesObjectIsNotedNotFailed() {
        String yaml = "replicaCount: 2\n---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                + "resources: [pod.yaml]\n";

        LintReport report = Linter.defaults().lintYaml("values.yaml", yaml);

        assertTrue(report.findings().isEmpty());
        assertEquals(0, report.objectCount());
        assertEquals(List.of("1 YAML document has neither apiVersion nor kind and was not linted as Kubernetes "
                + "objects: values.yaml#0"), report.notes());
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkDoNotChangeTheFindings() {
        String windows = "\uFEFF---\r\n" + PRIVILEGED_POD.replace("\n", "\r\n");

        LintReport report = Linter.defaults().lintYaml("pod.yaml", windows);

        Finding privileged = report.findings(RuleId.PRIVILEGED).get(0);
        assertEquals(0, privileged.documentIndex());
        assertEquals(14, privileged.line());
        assertTrue(report.findings(RuleId.YAML_SYNTAX).isEmpty());
    }

    @Test
    void outputIsDeterministic() {
        String yaml = PRIVILEGED_POD + "---\n" + PRIVILEGED_POD.replace("gpu-installer", "other");
        for (Format format : Format.values()) {
            assertEquals(Linter.defaults().lintYaml("a.yaml", yaml).format(format),
                    Linter.defaults().lintYaml("a.yaml", yaml).format(format));
        }
    }
}
