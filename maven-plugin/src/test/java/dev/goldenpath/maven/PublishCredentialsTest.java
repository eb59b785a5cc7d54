package dev.goldenpath.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.gitops.Credentials;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;

/** Where the publish goal takes credentials from, and which environments it refuses. */
class PublishCredentialsTest {

    private final List<String> log = new ArrayList<>();

    private PublishCredentials with(Map<String, String> env) {
        return new PublishCredentials(env::get, log::add);
    }

    @Test
    void anEmptyTokenVariableIsAnErrorNotAnAnonymousPublish() {
        for (String empty : new String[] {"", " \n"}) {
            MojoFailureException e = assertThrows(MojoFailureException.class, () -> with(Map.of("GOLDENPATH_GIT_TOKEN", empty))
                    .resolve(null, null, "GOLDENPATH_GIT_TOKEN", null));
            assertTrue(e.getMessage().contains("GOLDENPATH_GIT_TOKEN (<tokenEnv>) is set but empty"), e.getMessage());
        }
    }

    @Test
    void aTokenVariableIsUsedAndNeverLogged() throws Exception {
        Credentials credentials = with(Map.of("GOLDENPATH_GIT_TOKEN", "tok-123456\n"))
                .resolve(null, null, "GOLDENPATH_GIT_TOKEN", null);

        assertEquals(Credentials.token("tok-123456"), credentials);
        assertEquals(List.of("goldenpath: credentials: token from environment variable GOLDENPATH_GIT_TOKEN"), log);
    }

    @Test
    void theSettingsServerComesFirstAndNoVariableIsNeeded() throws Exception {
        Server server = new Server();
        server.setId("gitops");
        server.setPassword("from-settings-987");

        Credentials credentials = with(Map.of("GOLDENPATH_GIT_TOKEN", "")).resolve(server, "gitops", "GOLDENPATH_GIT_TOKEN", null);

        assertEquals(Credentials.token("from-settings-987"), credentials);
        assertFalse(String.join("\n", log).contains("from-settings-987"));
    }

    @Test
    void knownHostsWithoutAKeyUsesTheAgentAndNeedsOne() throws Exception {
        File knownHosts = new File("/etc/goldenpath/known_hosts");

        Credentials agent = with(Map.of("SSH_AUTH_SOCK", "/tmp/agent.sock"))
                .resolve(null, null, "GOLDENPATH_GIT_TOKEN", knownHosts);
        MojoFailureException none = assertThrows(MojoFailureException.class, () -> with(Map.of())
                .resolve(null, null, "GOLDENPATH_GIT_TOKEN", knownHosts));

        assertEquals(Credentials.sshAgent(java.nio.file.Path.of("/tmp/agent.sock"), knownHosts.toPath()), agent);
        assertTrue(none.getMessage().contains("SSH_AUTH_SOCK is not set"), none.getMessage());
    }

    @Test
    void nothingConfiguredIsNoCredentials() throws Exception {
        assertEquals(Credentials.none(), with(Map.of()).resolve(null, null, "GOLDENPATH_GIT_TOKEN", null));
    }
}
