package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code publish} takes credentials from, and the usage errors for those it cannot use. */
class PublishCredentialsTest {

    private static final String SAMPLE = "dev.goldenpath.samples.AcmeSpec";
    private static final String SECRET = "ghp_notARealTokenButLooksLikeOne000000000";

    @TempDir
    Path tmp;

    @Test
    void aRepositoryUrlHoldingATokenIsRefusedAndTheTokenNeverPrinted() {
        for (String url : new String[] {"https://bot:" + SECRET + "@127.0.0.1:9/gitops.git",
            "https://" + SECRET + "@127.0.0.1:9/gitops.git"}) {
            Run run = Run.of("publish", "--spec", SAMPLE, "--repository", url);

            assertEquals(Goldenpath.USAGE, run.exit(), run::toString);
            assertTrue(run.err().contains("GOLDENPATH_GIT_TOKEN") && run.err().contains("--token-file"), run.err());
            assertFalse((run.out() + run.err()).contains(SECRET), run::toString);
        }
    }

    @Test
    void anEmptyTokenVariableIsAnErrorNotAnAnonymousPublish() {
        for (String empty : new String[] {"", "  \n"}) {
            Run run = Run.with(Map.of("GOLDENPATH_GIT_TOKEN", empty), "", "publish", "--spec", SAMPLE,
                    "--repository", tmp.resolve("gitops.git").toString(), "--create");

            assertEquals(Goldenpath.USAGE, run.exit(), run::toString);
            assertTrue(run.err().contains("GOLDENPATH_GIT_TOKEN (--token-env) is set but empty"), run.err());
            assertFalse(Files.exists(tmp.resolve("gitops.git")), "nothing is published");
        }
    }

    @Test
    void anEmptyOrUnreadableTokenFileIsAnError() throws Exception {
        Path empty = Files.writeString(tmp.resolve("token"), "\n");
        Run run = Run.of("publish", "--spec", SAMPLE, "--repository", tmp.resolve("a.git").toString(), "--create",
                "--token-file", empty.toString());
        assertEquals(Goldenpath.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("--token-file " + empty + " is empty"), run.err());

        Run missing = Run.of("publish", "--spec", SAMPLE, "--repository", tmp.resolve("a.git").toString(), "--create",
                "--token-file", tmp.resolve("absent").toString());
        assertEquals(Goldenpath.USAGE, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("cannot be read"), missing.err());
    }

    @Test
    void aTokenFileWithItsTrailingNewlineIsUsed() throws Exception {
        Path token = Files.writeString(tmp.resolve("token"), SECRET + "\n");
        Run run = Run.of("publish", "--spec", SAMPLE, "--repository", tmp.resolve("b.git").toString(), "--create",
                "--token-file", token.toString());
        assertEquals(0, run.exit(), run::toString);
        assertFalse((run.out() + run.err()).contains(SECRET), run::toString);
    }

    @Test
    void knownHostsWithoutAKeyNeedsAnAgent() {
        Run run = Run.with(Map.of(), "", "publish", "--spec", SAMPLE, "--repository", "ssh://git@127.0.0.1:9/x.git",
                "--known-hosts", tmp.resolve("known_hosts").toString());
        assertEquals(Goldenpath.USAGE, run.exit(), run::toString);
        assertTrue(run.err().contains("SSH_AUTH_SOCK is not set"), run.err());
    }
}
