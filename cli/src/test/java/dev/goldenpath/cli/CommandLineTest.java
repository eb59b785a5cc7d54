package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: arguments in, files, commits, output and exit codes out. */
class CommandLineTest {

    private static final String SAMPLE = "dev.goldenpath.samples.AcmeSpec";

    @TempDir
    Path tmp;

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Run run = Run.of("--help");
        assertEquals(0, run.exit(), run::toString);
        for (String command : new String[] {"render", "check", "publish", "seal", "graph", "diff"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing:\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("2   usage error"), run.out());
    }

    @Test
    void noCommandAndUnknownOptionsAreUsageErrors() {
        assertEquals(Goldenpath.USAGE, Run.of().exit());
        Run unknown = Run.of("render", "--no-such-option");
        assertEquals(Goldenpath.USAGE, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("--no-such-option"), unknown.err());
        Run missingClass = Run.of("check", "--spec", "com.example.Missing");
        assertEquals(Goldenpath.USAGE, missingClass.exit(), missingClass::toString);
        assertTrue(missingClass.err().contains("com.example.Missing is not on the class path"), missingClass.err());
    }

    @Test
    void renderWritesOneFolderPerPlatformAndCleansWhatItNoLongerRenders() throws IOException {
        Path out = tmp.resolve("out");
        Run run = Run.of("render", "--spec", SAMPLE, "--dir", out.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("rendered acme: 14 app instances"), run.out());
        Path frontend = out.resolve("acme/apps/production/frontend");
        assertTrue(Files.isRegularFile(frontend.resolve("deployment.yaml")));
        assertTrue(Files.readString(frontend.resolve("kustomization.yaml")).contains("deployment.yaml"));

        Path stale = Files.writeString(out.resolve("acme/apps/production/frontend/old.yaml"), "kind: ConfigMap\n");
        Run again = Run.of("render", "--spec", SAMPLE, "--dir", out.toString(), "--clean", "--output", "json");
        assertEquals(0, again.exit(), again::toString);
        JsonNode json = Json.parse(again.out());
        assertTrue(json.get("passed").asBoolean());
        assertEquals(0, json.at("/platforms/0/written").asInt(), "an unchanged render rewrites nothing");
        assertEquals(1, json.at("/platforms/0/removed").asInt());
        assertFalse(Files.exists(stale));
    }

    @Test
    void specsCompiledInAUserProjectAreLoadedFromTheClassPath() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.ShopSpec",
                UserProject.spec("ShopSpec", "shop",
                        "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\").port(8080)")));
        Run run = Run.of("check", "--classpath", classes.toString(), "--spec", "com.example.ShopSpec");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("passed shop: spec valid"), run.out());
    }

    @Test
    void anInvalidSpecFailsWithEveryViolationListed() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.BrokenSpec",
                UserProject.spec("BrokenSpec", "broken",
                        "app(\"web\").team(\"nobody\").image(\"registry.example.com/web:latest\").port(8080)",
                        "app(\"api\").team(\"shop\").image(\"registry.example.com/api:1.0\").port(70000)")));
        Run text = Run.of("check", "-cp", classes.toString(), "--spec", "com.example.BrokenSpec");
        assertEquals(Goldenpath.FINDINGS, text.exit(), text::toString);
        assertTrue(text.err().contains("apps[web].team"), text.err());
        assertTrue(text.err().contains("apps[web].image"), text.err());
        assertTrue(text.err().contains("apps[api].ports[http].number"), text.err());

        Run json = Run.of("render", "-cp", classes.toString(), "--spec", "com.example.BrokenSpec", "-o", "json",
                "--dir", tmp.resolve("out").toString());
        assertEquals(Goldenpath.FINDINGS, json.exit());
        JsonNode violations = Json.parse(json.out()).at("/specErrors/0/violations");
        assertTrue(violations.size() >= 3, json.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written for an invalid spec");
    }

    @Test
    void aPolicyFindingOnTheRenderedObjectsFailsTheCheck() {
        // A valid spec (images pinned by tag) under a tightened policy (digests required) fails the render's check.
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.TaggedSpec",
                UserProject.spec("TaggedSpec", "tagged",
                        "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\").port(8080)")));
        assertEquals(Goldenpath.OK, Run.of("check", "-cp", classes.toString(), "--spec", "com.example.TaggedSpec").exit());
        Run run = Run.of("check", "-cp", classes.toString(), "--spec", "com.example.TaggedSpec", "--require-digest",
                "-o", "json");
        assertEquals(Goldenpath.FINDINGS, run.exit(), run::toString);
        JsonNode failing = Json.parse(run.out()).at("/policyFailures/0/lint/findings/0");
        assertEquals("image-digest", failing.get("ruleId").asText(), run.out());
        assertEquals("apps/production/web/deployment.yaml", failing.get("file").asText());
    }

    @Test
    void checkLintsForeignYamlWithTheSameRules() throws IOException {
        Path manifests = Files.createDirectories(tmp.resolve("vendor"));
        Files.writeString(manifests.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                spec:
                  containers:
                    - name: agent
                      image: vendor.example.com/agent:2.1
                      securityContext:
                        privileged: true
                """);
        Run run = Run.of("check", "-o", "json", manifests.toString());
        assertEquals(Goldenpath.FINDINGS, run.exit(), run::toString);
        assertTrue(run.out().contains("pss-privileged"), run.out());
    }

    @Test
    void publishCommitsToALocalBareRepositoryOnceAndDiffComparesACheckout() throws Exception {
        Path bare = tmp.resolve("gitops.git");
        String secret = "ghp_notARealTokenButLooksLikeOne000000000";
        Map<String, String> env = Map.of("GOLDENPATH_GIT_TOKEN", secret, "GITHUB_SHA", "0123abcd");
        Run first = Run.with(env, "", "publish", "--spec", SAMPLE, "--repository", bare.toString(), "--create",
                "-o", "json");
        assertEquals(0, first.exit(), first::toString);
        JsonNode result = Json.parse(first.out());
        String commit = result.get("commit").asText();
        assertTrue(result.get("added").size() > 80, first.out());
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("refs/heads/main");
            assertEquals(commit, head.name());
            String message = walk.parseCommit(head).getFullMessage();
            assertTrue(message.startsWith("Render platform acme"), message);
            assertTrue(message.contains("Source-Revision: 0123abcd"), message);
        }
        assertFalse((first.out() + first.err()).contains(secret));

        Run second = Run.with(env, "", "publish", "--spec", SAMPLE, "--repository", bare.toString());
        assertEquals(0, second.exit(), second::toString);
        assertTrue(second.out().contains("nothing to commit on main"), second.out());

        Path checkout = tmp.resolve("checkout");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(checkout.toFile()).call().close();
        Run identical = Run.of("diff", "--spec", SAMPLE, "--checkout", checkout.toString());
        assertEquals(0, identical.exit(), identical::toString);
        assertEquals("", identical.out());

        Path deployment = checkout.resolve("apps/production/frontend/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("replicas: 3", "replicas: 1"));
        Files.delete(checkout.resolve("apps/staging/ledger/service.yaml"));
        Files.writeString(checkout.resolve("apps/production/frontend/leftover.yaml"), "kind: ConfigMap\n");
        Run changed = Run.of("diff", "--spec", SAMPLE, "--checkout", checkout.toString(), "--unified");
        assertEquals(Goldenpath.FINDINGS, changed.exit(), changed::toString);
        assertTrue(changed.out().startsWith("""
                M apps/production/frontend/deployment.yaml
                A apps/staging/ledger/service.yaml
                """), changed.out());
        assertFalse(changed.out().contains("leftover.yaml"), "a file no publisher owns is never reported as removed");
        assertTrue(changed.out().contains("--- a/apps/production/frontend/deployment.yaml\n"
                + "+++ b/apps/production/frontend/deployment.yaml\n@@ "), changed.out());
        assertTrue(changed.out().contains("\n-  replicas: 1\n+  replicas: 3\n"), changed.out());
    }

    @Test
    void publishNeverTakesATokenFromAnArgumentAndNamesAMissingVariable() {
        Run run = Run.of("publish", "--spec", SAMPLE, "--repository", tmp.resolve("r.git").toString(),
                "--token-env", "NO_SUCH_VARIABLE");
        assertEquals(Goldenpath.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("environment variable NO_SUCH_VARIABLE (--token-env) is not set"), run.err());
        Run token = Run.of("publish", "--spec", SAMPLE, "--token", "ghp_n0tEch0ed");
        assertEquals(Goldenpath.USAGE, token.exit(), "there is no --token option");
        assertTrue(token.err().contains("unknown option '--token' (did you mean --token-env or --token-file?)"),
                token.toString());
        assertFalse((token.out() + token.err()).contains("ghp_n0tEch0ed"), "a value given to a wrong option is never echoed");
    }

    @Test
    void graphPrintsTheMermaidDiagramAndTheEdgesAsJson() {
        Run text = Run.of("graph", "--spec", SAMPLE, "--environment", "production");
        assertEquals(0, text.exit(), text::toString);
        assertTrue(text.out().startsWith("# Network: production\n"), text.out());
        assertTrue(text.out().contains("```mermaid\nflowchart LR\n"), text.out());
        Run json = Run.of("graph", "--spec", SAMPLE, "-o", "json");
        assertEquals(0, json.exit(), json::toString);
        boolean gatewayToPayments = false;
        for (JsonNode graph : Json.parse(json.out()).get("graphs")) {
            for (JsonNode edge : graph.get("edges")) {
                gatewayToPayments |= graph.get("environment").asText().equals("production")
                        && edge.get("from").asText().equals("app:production/api-gateway")
                        && edge.get("to").asText().equals("app:payments-production/payments-api")
                        && edge.at("/ports/0/port").asInt() == 8080;
            }
        }
        assertTrue(gatewayToPayments, json.out());
    }

    @Test
    void sealIsTheSecretsModulesCommand() {
        Run key = Run.of("seal", "--generate-sealing-key");
        assertEquals(0, key.exit(), key::toString);
        assertTrue(key.out().strip().matches("[A-Za-z0-9+/=]{40,}"), key.out());
        Run wrong = Run.of("seal", "--no-such-flag");
        assertEquals(Goldenpath.USAGE, wrong.exit(), wrong::toString);
        assertTrue(wrong.err().startsWith("goldenpath seal: unknown option '--no-such-flag'\n"), wrong.err());
    }

    @Test
    void aRenderTakingMoreThanASecondShowsAProgressLine() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.SlowSpec", UserProject
                .spec("SlowSpec", "slow", "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\").port(8080)")
                .replace("return platform(", "sleep();\n        return platform(")
                .replace("\n}\n", "\n    private static void sleep() {\n        try { Thread.sleep(1300); }"
                        + " catch (InterruptedException e) { throw new IllegalStateException(e); }\n    }\n}\n")));
        Run run = Run.of("check", "-cp", classes.toString(), "--spec", "com.example.SlowSpec");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.err().contains("goldenpath: loading and rendering the platform specs ..."), run.err());
        assertTrue(run.err().matches("(?s).*took \\d+\\.\\d s\\n"), run.err());
    }
}
