package dev.goldenpath.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML, as CI servers read it: one {@code <testsuite>} per file, one {@code <testcase>} per linted object
 * (named by the object, class name = file). Failing findings become one {@code <failure>}, listing each; weakened and
 * advisory findings go to {@code <system-out>}, so a CI page shows them without failing. Documents that did not
 * parse appear as test cases with a failure.
 */
final class JunitFormat {

    private JunitFormat() {
    }

    private record Case(String name, int documentIndex, List<Finding> findings) {
    }

    static String write(LintReport report) {
        Map<String, Map<String, Case>> suites = new LinkedHashMap<>();
        for (LintReport.Linted object : report.objects()) {
            suites.computeIfAbsent(object.file(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(key(object.documentIndex(), object.object()),
                            k -> new Case(object.object(), object.documentIndex(), new ArrayList<>()));
        }
        for (Finding finding : report.findings()) {
            suites.computeIfAbsent(finding.file(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(key(finding.documentIndex(), finding.object()),
                            k -> new Case(finding.object(), finding.documentIndex(), new ArrayList<>()))
                    .findings().add(finding);
        }
        int tests = 0;
        int failures = 0;
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, Map<String, Case>> suite : suites.entrySet()) {
            int suiteFailures = 0;
            StringBuilder cases = new StringBuilder();
            List<Case> ordered = new ArrayList<>(suite.getValue().values());
            ordered.sort(Comparator.comparingInt(Case::documentIndex)); // stable: List items keep their order
            for (Case testCase : ordered) {
                List<Finding> failing = new ArrayList<>();
                List<Finding> other = new ArrayList<>();
                for (Finding finding : testCase.findings()) {
                    (report.fails(finding) ? failing : other).add(finding);
                }
                cases.append("    <testcase name=\"").append(XmlText.escape(testCase.name())).append("\" classname=\"")
                        .append(XmlText.escape(suite.getKey())).append("\"");
                if (failing.isEmpty() && other.isEmpty()) {
                    cases.append("/>\n");
                    continue;
                }
                cases.append(">\n");
                if (!failing.isEmpty()) {
                    suiteFailures++;
                    cases.append("      <failure message=\"").append(XmlText.escape(failing.size()
                                    + (failing.size() == 1 ? " failing finding" : " failing findings")))
                            .append("\" type=\"").append(XmlText.escape(failing.get(0).ruleId())).append("\">");
                    for (Finding finding : failing) {
                        cases.append(XmlText.escape(line(finding))).append('\n');
                    }
                    cases.append("</failure>\n");
                }
                if (!other.isEmpty()) {
                    cases.append("      <system-out>");
                    for (Finding finding : other) {
                        cases.append(XmlText.escape(line(finding))).append('\n');
                    }
                    cases.append("</system-out>\n");
                }
                cases.append("    </testcase>\n");
            }
            int suiteTests = suite.getValue().size();
            tests += suiteTests;
            failures += suiteFailures;
            body.append("  <testsuite name=\"").append(XmlText.escape(suite.getKey())).append("\" tests=\"").append(suiteTests)
                    .append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"0\">\n")
                    .append(cases)
                    .append("  </testsuite>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"goldenpath-lint\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\">\n" + body + "</testsuites>\n";
    }

    private static String key(int documentIndex, String object) {
        return documentIndex + "\u0000" + object;
    }

    private static String line(Finding finding) {
        String status = finding.weakened() ? "weakened (" + finding.weakeningReason() + ")" : finding.severity().label();
        return finding.location() + " [" + finding.ruleId() + "] " + status + ": " + finding.message()
                + (finding.fieldPath().isEmpty() ? "" : " at " + finding.fieldPath())
                + (finding.weakened() ? "" : " | fix: " + finding.fix());
    }
}
