package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has a failing and a passing manifest under {@code src/test/resources/rules/<rule-id>/}. The failing
 * one lists, in {@code # expect:} comments, exactly the messages the rule reports on it (in report order) and, in
 * {@code # also:} comments, any other rule it is allowed to trip. The passing one must not produce a single failing
 * or advisory finding: it shows the compliant way to write the same thing.
 */
class RuleFixturesTest {

    private static final Linter LINTER = Linter.builder().requireDigest(true).build();

    static Stream<String> ruleIds() {
        return Rules.ids().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void failingManifestProducesExactlyTheExpectedMessages(String ruleId) throws IOException {
        String yaml = resource(ruleId, "failing.yaml");
        LintReport report = LINTER.lintYaml(ruleId + "/failing.yaml", yaml);

        List<String> messages = new ArrayList<>();
        for (Finding finding : report.findings(ruleId)) {
            messages.add(finding.message());
            assertFalse(finding.weakened(), finding.toString());
            assertTrue(finding.line() > 0, "a finding names its line: " + finding);
            assertFalse(finding.fix().isBlank());
        }
        assertEquals(comments(yaml, "# expect: "), messages, report.format(Format.TEXT));
        assertFalse(messages.isEmpty(), "the failing manifest must fail");

        Set<String> allowed = new TreeSet<>(comments(yaml, "# also: "));
        allowed.add(ruleId);
        Set<String> tripped = new TreeSet<>();
        report.findings().forEach(finding -> tripped.add(finding.ruleId()));
        assertEquals(allowed, tripped, "rules tripped by " + ruleId + "/failing.yaml:\n" + report.format(Format.TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void passingManifestIsClean(String ruleId) throws IOException {
        LintReport report = LINTER.lintYaml(ruleId + "/passing.yaml", resource(ruleId, "passing.yaml"));

        assertTrue(report.objectCount() > 0);
        assertEquals(List.of(), report.findings(ruleId), report.format(Format.TEXT));
        for (Finding finding : report.findings()) {
            assertTrue(finding.weakened(), "only weakened findings may remain: " + report.format(Format.TEXT));
        }
        assertFalse(report.hasFailures());
    }

    static String resource(String ruleId, String name) throws IOException {
        try (InputStream in = RuleFixturesTest.class.getResourceAsStream("/rules/" + ruleId + "/" + name)) {
            assertNotNull(in, "rule " + ruleId + " needs src/test/resources/rules/" + ruleId + "/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> comments(String yaml, String prefix) {
        List<String> values = new ArrayList<>();
        for (String line : yaml.split("\n")) {
            if (line.startsWith(prefix)) {
                values.add(line.substring(prefix.length()));
            }
        }
        return values;
    }
}
