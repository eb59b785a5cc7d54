package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.lint.XmlText;
import dev.goldenpath.pipeline.Renders;
import java.util.List;

/**
 * An invalid spec as SARIF 2.1.0 or JUnit XML, for {@code check -o sarif|junit}: code scanning and test dashboards
 * must show a broken spec, not an empty report. Each violation is one result (SARIF) or one failed test case
 * (JUnit), located at the spec's source file by the Maven layout ({@code src/main/java/<class path>.java}), named
 * by its path in the spec, and filed under its stable violation code (docs/violation-codes.md), so that code scanning
 * groups alerts by rule.
 */
final class SpecReports {

    static final String RENDER_RULE = "render-input";

    /** One platform's problems: its spec violations, or what this process lacks to render it. */
    record Problems(String platform, String specClass, List<Violation> violations, List<String> renderProblems) {
        Problems {
            violations = List.copyOf(violations);
            renderProblems = List.copyOf(renderProblems);
        }

        static Problems of(SpecException e, String specClass) {
            return new Problems(e.platform(), specClass, e.violations(), List.of());
        }

        static Problems of(Renders.RenderFailure failure) {
            return new Problems(failure.platform().name(), failure.specClass(), List.of(), failure.exception().problems());
        }

        String source() {
            return specClass == null ? "" : "src/main/java/" + specClass.replace('.', '/') + ".java";
        }
    }

    private SpecReports() {
    }

    static String sarif(Problems problems) {
        ObjectNode root = Json.object();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "goldenpath");
        ArrayNode rules = driver.putArray("rules");
        // One rule per violation code the report holds, in order of first appearance, then the render-input rule.
        List<String> codes = problems.violations().stream().map(v -> v.code().code()).distinct().toList();
        for (String code : codes) {
            rule(rules, code, "The platform spec breaks " + code,
                    "goldenpath validates the whole spec before rendering; nothing is rendered while it has violations."
                            + " The code is stable and listed in docs/violation-codes.md.");
        }
        rule(rules, RENDER_RULE, "The platform cannot be rendered here",
                "A secret sealed at render time needs its environment's certificate and its value.");
        ArrayNode results = run.putArray("results");
        for (Violation v : problems.violations()) {
            result(results, v.code().code(), codes.indexOf(v.code().code()), problems, v.path(), v.toString());
        }
        for (String problem : problems.renderProblems()) {
            result(results, RENDER_RULE, codes.size(), problems, "platform " + problems.platform(), problem);
        }
        return Json.write(root);
    }

    private static void rule(ArrayNode rules, String id, String title, String description) {
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", title);
        rule.putObject("fullDescription").put("text", description);
        rule.putObject("defaultConfiguration").put("level", "error");
    }

    private static void result(ArrayNode results, String rule, int index, Problems problems, String path, String text) {
        ObjectNode result = results.addObject();
        result.put("ruleId", rule);
        result.put("ruleIndex", index);
        result.put("level", "error");
        result.putObject("message").put("text", "platform '" + problems.platform() + "': " + text);
        ObjectNode location = result.putArray("locations").addObject();
        if (!problems.source().isEmpty()) {
            location.putObject("physicalLocation").putObject("artifactLocation").put("uri", problems.source());
        }
        location.putArray("logicalLocations").addObject().put("fullyQualifiedName", path).put("kind", "member");
        // Stable across runs, so code scanning tracks one alert per violation instead of opening a new one.
        result.putObject("partialFingerprints").put("goldenpathSpec/v1", problems.platform() + "|" + path + "|" + rule);
    }

    static String junit(Problems problems) {
        int count = problems.violations().size() + problems.renderProblems().size();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"goldenpath check\" tests=\"").append(count).append("\" failures=\"").append(count)
                .append("\">\n");
        xml.append("  <testsuite name=\"spec ").append(XmlText.escape(problems.platform())).append("\" tests=\"").append(count)
                .append("\" failures=\"").append(count).append("\" errors=\"0\" skipped=\"0\">\n");
        for (Violation v : problems.violations()) {
            testCase(xml, problems, v.path(), v.code().code(), v.rule(), "code: " + v.code().code() + "\nvalue: '"
                    + v.value() + "'\nrule: " + v.rule() + "\nfix: " + v.hint()
                    + (problems.source().isEmpty() ? "" : "\nspec: " + problems.source()));
        }
        for (String problem : problems.renderProblems()) {
            testCase(xml, problems, "render", RENDER_RULE, problem, problem);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static void testCase(StringBuilder xml, Problems problems, String name, String type, String message,
                                 String body) {
        xml.append("    <testcase classname=\"").append(XmlText.escape(problems.platform())).append("\" name=\"").append(XmlText.escape(name))
                .append("\">\n      <failure type=\"").append(XmlText.escape(type)).append("\" message=\"").append(XmlText.escape(message)).append("\">")
                .append(XmlText.escape(body)).append("</failure>\n    </testcase>\n");
    }
}
