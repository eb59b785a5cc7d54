package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code goldenpath lint}: every option the linter has, run as a user runs it, exit code and output checked. */
class LintCommandTest {

    private static final String CLEAN_CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {mode: production}
            """;

    private static final String LOAD_BALANCER = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {type: LoadBalancer, ports: [{port: 443}]}
            """;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    /** {@code goldenpath lint ARGS}; output accumulates over the runs of one test. */
    private int run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "lint";
        System.arraycopy(args, 0, command, 1, args.length);
        Run run = Run.of(command);
        out.append(run.out());
        err.append(run.err());
        return run.exit();
    }

    private String out() {
        return out.toString();
    }

    private String err() {
        return err.toString();
    }

    @Test
    void exitsZeroWhenNothingFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cm.yaml"), CLEAN_CONFIG_MAP);

        assertEquals(0, run(dir.toString()));
        assertTrue(out().startsWith("PASSED: 1 object, 0 failing"), out());
    }

    @Test
    void exitsOneOnFailingFindingsAndPrintsTheChosenFormat(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("svc.yaml"), LOAD_BALANCER);

        assertEquals(1, run("--format", "sarif", dir.resolve("svc.yaml").toString()));
        assertTrue(out().contains("\"version\": \"2.1.0\""), out());
        assertTrue(out().contains("\"ruleId\": \"service-type\""), out());
    }

    @Test
    void disablingTheRuleMakesItPass(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("svc.yaml"), LOAD_BALANCER);

        assertEquals(0, run("--disable", "service-type", "--format", "json", dir.toString()));
        assertTrue(out().contains("\"passed\": true"), out());
    }

    @Test
    void requireDigestTurnsOnTheDigestRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: "nginx:1.27.0"}]
                """);

        run("--require-digest", dir.toString());

        assertTrue(out().contains("[image-digest]"), out());
    }

    @Test
    void usageErrorsExitTwoAndListEveryProblem(@TempDir Path dir) {
        assertEquals(2, run("--format", "xml", "--bogus", "--disable", "no-such-rule", dir.resolve("missing").toString()));

        String err = err();
        assertTrue(err.contains("unknown format 'xml'"), err);
        assertTrue(err.contains("goldenpath lint: unknown option '--bogus'\n"), err);
        assertTrue(err.contains("unknown rule ids: no-such-rule"), err);
        assertTrue(err.contains("Usage: goldenpath lint"), err);
        assertEquals("", out());
    }

    @Test
    void missingPathsAndMissingArgumentsAreUsageErrors(@TempDir Path dir) {
        assertEquals(2, run(dir.resolve("missing").toString()));
        assertTrue(err().contains("no such file or folder"), err());
        assertEquals(2, run());
        assertEquals(2, run("--format"));
    }

    @Test
    void aFileThatIsNotUtf8IsAFindingNamingItAndTheOtherFilesAreLinted(@TempDir Path dir) throws IOException {
        byte[] latin1 = CLEAN_CONFIG_MAP.replace("production", "M\u00fcnchen").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.yaml"), latin1);
        Files.writeString(dir.resolve("svc.yaml"), LOAD_BALANCER);

        assertEquals(1, run(dir.toString()), err());

        assertTrue(out().contains("latin1.yaml"), out());
        assertTrue(out().contains("line 4 [yaml-syntax] invalid UTF-8 at byte offset"), out());
        assertTrue(out().contains("[service-type]"), "the other file is linted: " + out());
        assertEquals("", err());
    }

    @Test
    void listsRules() {
        assertEquals(0, run("--list-rules"));
        assertTrue(out().contains("image-digest"), out());
        assertTrue(out().contains("(off by default)"), out());
    }
}
