package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linter's options on {@code lint} and on {@code check}, for foreign YAML and for specs alike: they change what is
 * found and what fails, on real renders of the sample platform. Before, {@code check} took none of them and
 * {@code lint} did not exist.
 */
class LintOptionsTest {

    private static final String SAMPLE = "dev.goldenpath.samples.AcmeSpec";

    @TempDir
    static Path tmp;

    private static String rendered;

    @BeforeAll
    static void renderTheSample() {
        Run render = Run.of("render", "--spec", SAMPLE, "--dir", tmp.resolve("out").toString());
        assertEquals(Goldenpath.OK, render.exit(), render::toString);
        rendered = tmp.resolve("out/acme").toString();
    }

    /** The rule ids of the findings in a JSON lint report, failing ones only when {@code failing}. */
    private static List<String> ruleIds(JsonNode report, boolean failing) {
        List<String> ids = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (!failing || finding.path("status").asText().equals("failing")) {
                ids.add(finding.get("ruleId").asText());
            }
        }
        return ids;
    }

    @Test
    void failOnTurnsWarningsIntoFailuresForLintAndCheckAlike() {
        Run clean = Run.of("lint", rendered);
        assertEquals(Goldenpath.OK, clean.exit(), clean::toString);

        // A label goldenpath does not set: a warning, which does not fail by default ...
        Run warned = Run.of("lint", "--required-labels", "owner,cost-center", "-o", "json", rendered);
        assertEquals(Goldenpath.OK, warned.exit(), warned::toString);
        assertTrue(ruleIds(Json.parse(warned.out()), false).contains("required-labels"), warned.out());

        // ... and does with --fail-on warning, for lint and for check on the same files.
        for (String command : List.of("lint", "check")) {
            Run failed = Run.of(command, "--required-labels", "owner,cost-center", "--fail-on", "warning", "-o", "json",
                    rendered);
            assertEquals(Goldenpath.FINDINGS, failed.exit(), failed::toString);
            assertTrue(ruleIds(Json.parse(failed.out()), true).contains("required-labels"), failed.out());
        }
    }

    @Test
    void enableTurnsOnARuleThatIsOffByDefault() {
        Run run = Run.of("check", "--enable", "image-digest", "-o", "json", rendered);
        assertEquals(Goldenpath.FINDINGS, run.exit(), run::toString);
        assertTrue(ruleIds(Json.parse(run.out()), true).contains("image-digest"), run.out());
    }

    @Test
    void checkOnASpecTakesTheLintersOptionsToTightenThePolicy() {
        Run plain = Run.of("check", "--spec", SAMPLE, "--required-labels", "cost-center");
        assertEquals(Goldenpath.OK, plain.exit(), plain::toString);

        Run failOn = Run.of("check", "--spec", SAMPLE, "--required-labels", "cost-center", "--fail-on", "warning",
                "-o", "json");
        assertEquals(Goldenpath.FINDINGS, failOn.exit(), failOn::toString);
        JsonNode policy = Json.parse(failOn.out()).at("/policyFailures/0/lint");
        assertTrue(ruleIds(policy, true).contains("required-labels"), failOn.out());
        assertTrue(failOn.out().contains("cost-center"), failOn.out());
        assertFalse(failOn.out().contains("\"owner\" is missing"), "goldenpath's own labels stay required and present");

        Run enabled = Run.of("check", "--spec", SAMPLE, "--enable", "image-digest");
        assertEquals(Goldenpath.FINDINGS, enabled.exit(), enabled::toString);
        assertTrue(enabled.err().contains("[image-digest]"), enabled.err());
    }

    @Test
    void checkOnASpecCannotLoosenThePolicyAndNamesBadValues() {
        Run disable = Run.of("check", "--spec", SAMPLE, "--disable", "probes");
        assertEquals(Goldenpath.USAGE, disable.exit(), disable::toString);
        assertTrue(disable.err().contains("--disable applies to PATHs"), disable.err());

        Run severity = Run.of("check", "--spec", SAMPLE, "--fail-on", "fatal");
        assertEquals(Goldenpath.USAGE, severity.exit(), severity::toString);
        assertTrue(severity.err().contains("unknown severity 'fatal'"), severity.err());

        Run rule = Run.of("lint", "--enable", "no-such-rule", rendered);
        assertEquals(Goldenpath.USAGE, rule.exit(), rule::toString);
        assertTrue(rule.err().contains("unknown rule ids: no-such-rule"), rule.err());
    }

    @Test
    void lintAndCheckListTheSameRules() {
        Run lint = Run.of("lint", "--list-rules");
        Run check = Run.of("check", "--list-rules");
        assertEquals(Goldenpath.OK, lint.exit());
        assertEquals(lint.out(), check.out());
        assertTrue(lint.out().contains("image-digest"), lint.out());
    }
}
