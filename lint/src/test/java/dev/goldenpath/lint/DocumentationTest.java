package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/lint-rules.md documents every rule exactly as the catalogue defines it. */
class DocumentationTest {

    @Test
    void everyRuleIsDocumentedWithItsSeverityRationaleSourceAndFix() throws IOException {
        String docs = Files.readString(Path.of("../docs/lint-rules.md"), StandardCharsets.UTF_8);

        for (Rule rule : Rules.all()) {
            int heading = docs.indexOf("### `" + rule.id() + "`");
            assertTrue(heading >= 0, "docs/lint-rules.md has no section for " + rule.id());
            int end = docs.indexOf("\n### ", heading + 1);
            String section = docs.substring(heading, end < 0 ? docs.length() : end);
            assertTrue(section.contains("**" + rule.title() + ".**"), rule.id() + " title");
            assertTrue(section.contains("Severity: **" + rule.severity().label() + "**"), rule.id() + " severity");
            assertTrue(section.contains("- Why: " + rule.rationale()), rule.id() + " rationale");
            assertTrue(section.contains("- Source: " + rule.source()), rule.id() + " source");
            assertTrue(section.contains("- Fix: " + rule.fix()), rule.id() + " fix");
        }
    }
}
