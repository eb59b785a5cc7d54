package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.vocabulary.RuleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Foreign manifests as teams meet them (Helm output, a vendor DaemonSet, operator RBAC, Kustomize output, a kubectl
 * List, an unrendered template, and what the platform itself renders). Each {@code corpus/<name>.yaml} has its
 * expected report next to it, {@code <name>.expected.txt}, reviewed like code. On a difference the received report
 * is written to {@code target/corpus/<name>.expected.txt}.
 */
class CorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<String> manifests() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void reportMatchesTheReviewedExpectation(String name) throws IOException {
        LintReport report = Linter.defaults().lint(CORPUS.resolve(name));
        String received = report.format(Format.TEXT).replace(CORPUS.toString().replace('\\', '/') + "/", "corpus/");

        Path expectedFile = CORPUS.resolve(name.replace(".yaml", ".expected.txt"));
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
        if (!received.equals(expected)) {
            Path receivedFile = Path.of("target/corpus").resolve(expectedFile.getFileName());
            Files.createDirectories(receivedFile.getParent());
            Files.writeString(receivedFile, received, StandardCharsets.UTF_8);
        }
        assertEquals(expected, received, "received report written to target/corpus/");
    }

    @Test
    void helmChartDefaultsFailOnTheMissingHardening() {
        LintReport report = Linter.defaults().lint(CORPUS.resolve("helm-web-chart.yaml"));

        List<String> rules = report.failing().stream().map(Finding::ruleId).distinct().sorted().toList();
        assertEquals(List.of("automount-service-account-token", "image-tag", "pss-allow-privilege-escalation",
                "pss-capabilities-restricted", "pss-run-as-non-root", "pss-seccomp-restricted",
                "read-only-root-filesystem", "resources"), rules);
        assertTrue(report.notes().contains(Network.SKIPPED_NOTE), "one chart says nothing about cluster policies");
    }

    @Test
    void unrenderedTemplateIsReportedDocumentByDocumentWithoutStoppingTheLint() {
        LintReport report = Linter.defaults().lint(CORPUS.resolve("broken-helm-template.yaml"));

        assertEquals(2, report.findings(RuleId.YAML_SYNTAX).size());
        assertEquals(1, report.objectCount(), "the valid ConfigMap is still linted");
    }

    @Test
    void whatThePlatformRendersPassesWithItsDeclaredException() {
        LintReport report = Linter.defaults().lint(CORPUS.resolve("platform-compliant.yaml"));

        assertFalse(report.hasFailures(), report.format(Format.TEXT));
        assertEquals(1, report.weakened().size());
        assertEquals(report.weakened(), report.findings());
    }
}
