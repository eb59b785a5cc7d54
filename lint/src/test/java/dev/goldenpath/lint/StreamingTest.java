package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.vocabulary.RuleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linter streams documents: it checks each object as it is read and keeps only what the cross-object rules
 * need (selectors, labels, service accounts, bindings, and the line each of their findings would point at). These
 * tests hold it to the reports of the linter that kept every tree until the end.
 */
class StreamingTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final String STREAM = "cross-object-stream";

    /**
     * {@code corpus/cross-object-stream.*}: workloads before the policies, accounts and bindings that decide their
     * findings, duplicated objects, Lists, aliases and merge keys. The expected JSON and JUnit reports (findings with
     * lines, field paths and exceptions; every linted object in order) were written by the linter that held every
     * tree.
     */
    @Test
    void streamedReportsAreThoseOfTheLinterThatHeldEveryTree() throws IOException {
        LintReport report = Linter.defaults().lint(CORPUS.resolve(STREAM + ".yaml"));

        assertEquals(expected(".expected.json"), report.format(Format.JSON));
        assertEquals(expected(".expected.junit.xml"), report.format(Format.JUNIT));
    }

    @Test
    void crossObjectRulesSeeObjectsThatComeLaterInTheStream() {
        String workload = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web}}
                spec:
                  serviceAccountName: web
                  containers: [{name: web, image: "nginx:1.27.0"}]
                """;
        String policy = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec: {podSelector: {matchLabels: {app: web}}}
                """;
        String account = """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                automountServiceAccountToken: false
                """;
        String binding = """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: web, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
                subjects: [{kind: ServiceAccount, name: web}]
                """;
        Linter linter = Linter.defaults();

        LintReport alone = linter.lintYaml("a.yaml", workload + policy);
        assertEquals(0, alone.findings(RuleId.NETWORK_POLICY_COVERAGE).size());
        assertEquals(List.of("spec.automountServiceAccountToken"),
                paths(alone.findings(RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN)));
        assertEquals(List.of("metadata.labels"), paths(linter.lintYaml("a.yaml",
                workload + policy.replace("app: web", "app: api")).findings(RuleId.NETWORK_POLICY_COVERAGE)));
        assertEquals(0, linter.lintYaml("a.yaml", workload + policy + account)
                .findings(RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN).size());
        assertEquals(0, linter.lintYaml("a.yaml", workload + policy + binding)
                .findings(RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN).size());
    }

    @Test
    void factsAreKeptAcrossFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-workload.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers: [{name: web, image: "nginx:1.27.0"}]
                """);
        Files.writeString(dir.resolve("b-policies.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """);

        LintReport report = Linter.defaults().lint(dir);

        assertEquals(0, report.findings(RuleId.NAMESPACE_DEFAULT_DENY).size(), report.format(Format.TEXT));
        assertEquals(0, report.findings(RuleId.NETWORK_POLICY_COVERAGE).size(), report.format(Format.TEXT));
    }

    /**
     * The lines of the cross-object sites are recorded while a document is read the first time; they must be the
     * lines the full index (built when any other finding needs a line) gives: through aliases, merge keys, Lists,
     * flow style and block style.
     */
    @Test
    void siteLinesRecordedWhileReadingAreThoseOfTheFullIndex() throws IOException {
        List<String> documents = new ArrayList<>();
        documents.add(Files.readString(CORPUS.resolve(STREAM + ".yaml"), StandardCharsets.UTF_8));
        documents.add("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: &meta
                  name: a
                  namespace: shop
                spec:
                  <<: {template: {metadata: {labels: {app: a}}, spec: {automountServiceAccountToken: true}}}
                  replicas: 1
                ---
                apiVersion: v1
                kind: PodTemplate
                metadata: {<<: [{name: t}, {namespace: other}]}
                template:
                  metadata:
                    labels: *meta
                """);
        documents.add("""
                kind: List
                apiVersion: v1
                items:
                - &first
                  apiVersion: batch/v1
                  kind: Job
                  metadata: {name: j, namespace: jobs}
                  spec:
                    template:
                      metadata:
                        labels:
                          app: j
                      spec:
                        automountServiceAccountToken: false
                - *first
                - {kind: List, apiVersion: v1, items: [{kind: Pod, apiVersion: v1, metadata: {name: p}, spec: {}}]}
                """);
        List<String> paths = sitePaths();
        int compared = 0;
        for (String text : documents) {
            List<YamlDocuments.Document> recorded = YamlDocuments.parse(text);
            List<YamlDocuments.Document> full = YamlDocuments.parse(text);
            for (int d = 0; d < recorded.size(); d++) {
                if (recorded.get(d).lines() == null) {
                    continue;
                }
                LineIndex fullIndex = full.get(d).lines();
                fullIndex.lineOf("metadata.annotations[not.a.site]"); // builds the full index
                for (String path : paths) {
                    assertTrue(SitePaths.ROOT.covers(path), path);
                    assertEquals(fullIndex.lineOf(path), recorded.get(d).lines().lineOf(path),
                            "document " + d + " of\n" + text + "\nat " + path);
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, "compared " + compared);
    }

    @Test
    void pathsOffTheSitesAreNotCovered() {
        for (String path : List.of("spec.template.spec.containers[0]", "metadata.labels[app]", "metadata.labels.app",
                "spec.replicas", "items.metadata", "items[x].metadata", "[0]", ".metadata", "metadata..name")) {
            assertEquals(false, SitePaths.ROOT.covers(path), path);
        }
    }

    /** Every site path and its parents, at the top of a document and inside (nested) List items. */
    private static List<String> sitePaths() {
        List<String> relative = new ArrayList<>(List.of("metadata", "metadata.name", "metadata.namespace",
                "metadata.labels", "spec", "spec.automountServiceAccountToken", "items"));
        for (String template : List.of("spec.template", "spec.jobTemplate.spec.template", "template",
                "spec.jobTargetRef.template")) {
            for (String prefix = template; !prefix.isEmpty(); prefix = FieldPaths.parent(prefix)) {
                relative.add(prefix);
            }
            relative.add(template + ".metadata");
            relative.add(template + ".metadata.labels");
            relative.add(template + ".spec");
            relative.add(template + ".spec.automountServiceAccountToken");
        }
        List<String> paths = new ArrayList<>();
        for (String base : List.of("", "items[0]", "items[1]", "items[2]", "items[3]", "items[2].items[0]",
                "items[3].items[0]")) {
            if (!base.isEmpty()) {
                paths.add(base);
            }
            for (String path : relative) {
                paths.add(base.isEmpty() ? path : base + "." + path);
            }
        }
        return paths;
    }

    private static List<String> paths(List<Finding> findings) {
        return findings.stream().map(Finding::fieldPath).toList();
    }

    private static String expected(String suffix) throws IOException {
        return Files.readString(CORPUS.resolve(STREAM + suffix), StandardCharsets.UTF_8);
    }

    /**
     * Files read by several threads ({@code goldenpath.lint.readers}) give the report of one thread: copies of the
     * corpus in folders (its broken documents, invalid UTF-8, Lists, aliases and the cross-object stream), read whole
     * by the threads, and one file large enough to be streamed with its documents read by them.
     */
    @Test
    void readersGiveTheReportOfOneThread(@TempDir Path tree) throws IOException {
        List<Path> corpus;
        try (java.util.stream.Stream<Path> files = Files.list(CORPUS)) {
            corpus = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        for (int copy = 0; copy < 3; copy++) {
            Path folder = Files.createDirectories(tree.resolve("team" + copy));
            for (Path file : corpus) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        byte[] stream = Files.readAllBytes(CORPUS.resolve(STREAM + ".yaml"));
        try (java.io.OutputStream large = Files.newOutputStream(tree.resolve("team1/large.yaml"))) {
            for (long written = 0; written <= YamlStream.PARALLEL_FROM; written += stream.length + 4) {
                large.write("---\n".getBytes(StandardCharsets.UTF_8));
                large.write(stream);
            }
        }
        String property = System.getProperty(YamlStream.READERS);
        try {
            System.clearProperty(YamlStream.READERS);
            LintReport one = Linter.defaults().lint(tree);
            assertTrue(one.objectCount() > 1000 && !one.findings().isEmpty(), one.objectCount() + " objects");
            for (String readers : List.of("2", "3")) {
                System.setProperty(YamlStream.READERS, readers);
                assertEquals(Math.min(Integer.parseInt(readers), Runtime.getRuntime().availableProcessors()),
                        YamlStream.readers(YamlStream.PARALLEL_FROM), "the threads that read from 4 MiB on");
                assertEquals(1, YamlStream.readers(YamlStream.PARALLEL_FROM - 1), "less is read on one thread");
                LintReport several = Linter.defaults().lint(tree);
                assertEquals(one.format(Format.JSON), several.format(Format.JSON), readers + " readers");
                assertEquals(one.format(Format.TEXT), several.format(Format.TEXT), readers + " readers");
            }
        } finally {
            if (property == null) {
                System.clearProperty(YamlStream.READERS);
            } else {
                System.setProperty(YamlStream.READERS, property);
            }
        }
    }
}
