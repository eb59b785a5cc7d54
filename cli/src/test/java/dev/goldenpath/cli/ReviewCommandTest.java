package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code goldenpath review} end to end: a published GitOps repository as the base, a render or a folder as head. */
class ReviewCommandTest {

    private static final String SAMPLE = "dev.goldenpath.samples.AcmeSpec";

    @TempDir
    Path tmp;

    @Test
    void theSamePlatformAsTheRepositoryAtARevisionHasNoSecurityRelevantChange() {
        Path bare = tmp.resolve("gitops.git");
        Run publish = Run.of("publish", "--spec", SAMPLE, "--repository", bare.toString(), "--create");
        assertEquals(0, publish.exit(), publish::toString);

        Run review = Run.of("review", "--spec", SAMPLE, "--base", bare + "@main", "--fail-on", "any");
        assertEquals(Goldenpath.OK, review.exit(), review::toString);
        assertEquals("### goldenpath security review\n\n**no security-relevant change**\n", review.out());
        assertTrue(review.err().contains("goldenpath review: no security-relevant change"), review.err());
    }

    @Test
    void aLoweredNamespaceFailsThePolicyWithExitOneAndIsInEveryFormat() throws Exception {
        Path base = tmp.resolve("base");
        assertEquals(0, Run.of("render", "--spec", SAMPLE, "--dir", base.toString()).exit());
        Path tree = base.resolve("acme");
        Path head = tmp.resolve("head");
        Run copy = Run.of("render", "--spec", SAMPLE, "--dir", head.toString());
        assertEquals(0, copy.exit(), copy::toString);
        Path namespace = head.resolve("acme/platform/production/namespaces/production/namespace.yaml");
        Files.writeString(namespace, Files.readString(namespace).replace("pod-security.kubernetes.io/enforce: restricted",
                "pod-security.kubernetes.io/enforce: privileged"));

        Run passing = Run.of("review", "--base", tree.toString(), "--head", head.resolve("acme").toString(),
                "--fail-on", "new-weakening,cluster-permission");
        assertEquals(Goldenpath.OK, passing.exit(), passing::toString);
        assertTrue(passing.out().contains("! production: namespace production: enforce restricted -> privileged\n"),
                passing.out());

        Run failing = Run.of("review", "--base", tree.toString(), "--head", head.resolve("acme").toString(),
                "--fail-on", "pss-lowered", "-o", "json");
        assertEquals(Goldenpath.FINDINGS, failing.exit(), failing::toString);
        JsonNode json = Json.parse(failing.out());
        assertEquals(1, json.get("changes").size(), failing.out());
        assertEquals("pss-lowered", json.get("changes").get(0).get("rule").asText());
        assertTrue(failing.err().contains("goldenpath review: fails on pss-lowered: ! production: namespace production: "
                + "enforce restricted -> privileged"), failing.err());

        Path sarif = tmp.resolve("reports/review.sarif");
        Run report = Run.of("review", "--base", tree.toString(), "--head", head.resolve("acme").toString(),
                "-o", "sarif", "--report", sarif.toString());
        assertEquals(Goldenpath.OK, report.exit(), report::toString);
        assertEquals("", report.out());
        JsonNode result = Json.parse(Files.readString(sarif)).get("runs").get(0).get("results").get(0);
        assertEquals("platform/production/namespaces/production/namespace.yaml",
                result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
    }

    @Test
    void aWrongFailOnValueIsAUsageErrorAndAnUnreadableBaseCannotBeReviewed() {
        Run usage = Run.of("review", "--base", tmp.toString(), "--head", tmp.toString(), "--fail-on", "new-wekaening");
        assertEquals(Goldenpath.USAGE, usage.exit(), usage::toString);
        assertTrue(usage.err().contains("unknown fail-on value 'new-wekaening'; valid: new-weakening,"), usage.err());

        Run missing = Run.of("review", "--base", tmp.resolve("nope") + "@main", "--head", tmp.toString());
        assertEquals(Goldenpath.FAILED, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("neither a folder nor a repository URL"), missing.err());
    }
}
