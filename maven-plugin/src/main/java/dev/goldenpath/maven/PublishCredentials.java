package dev.goldenpath.maven;

import dev.goldenpath.gitops.Credentials;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;

/**
 * Where {@code goldenpath:publish} takes credentials from; never the POM, never the repository URL (the library
 * refuses a URL holding a token). In order: the {@code settings.xml} server named by {@code <serverId>}
 * ({@code password} is the token, or {@code privateKey} and {@code passphrase} for SSH), the environment
 * variable named by {@code <tokenEnv>}, the ssh-agent in {@code SSH_AUTH_SOCK} when {@code <knownHosts>} is
 * given without a key, then none. A variable that is set but empty is an error, not "no credentials": it is
 * a CI secret that did not arrive.
 *
 * @param environment reads an environment variable (null when unset)
 * @param log         receives one line naming where the credentials came from, never their value
 */
record PublishCredentials(UnaryOperator<String> environment, Consumer<String> log) {

    static final String DEFAULT_TOKEN_VARIABLE = "GOLDENPATH_GIT_TOKEN";
    static final String AGENT_VARIABLE = "SSH_AUTH_SOCK";

    /**
     * @param server     the decrypted settings.xml server, or null when no {@code <serverId>} is configured
     * @param serverId   its id, for messages
     * @param tokenEnv   the variable holding a token
     * @param knownHosts the {@code <knownHosts>} file, or null
     */
    Credentials resolve(Server server, String serverId, String tokenEnv, File knownHosts) throws MojoFailureException {
        if (server != null) {
            return fromServer(server, serverId, knownHosts);
        }
        String token = environment.apply(tokenEnv);
        if (token != null) {
            if (token.isBlank()) {
                throw new MojoFailureException("environment variable " + tokenEnv + " (<tokenEnv>) is set but empty:"
                        + " the CI secret it should hold did not arrive; set it to the token, or unset it");
            }
            log.accept("goldenpath: credentials: token from environment variable " + tokenEnv);
            return Credentials.token(token.strip());
        }
        if (!DEFAULT_TOKEN_VARIABLE.equals(tokenEnv)) {
            throw new MojoFailureException("environment variable " + tokenEnv + " (<tokenEnv>) is not set");
        }
        if (knownHosts != null) {
            String socket = environment.apply(AGENT_VARIABLE);
            if (socket == null || socket.isBlank()) {
                throw new MojoFailureException("<knownHosts> without a settings.xml <privateKey> uses the ssh-agent,"
                        + " but " + AGENT_VARIABLE + " is not set: start one (eval \"$(ssh-agent)\"; ssh-add KEY) or"
                        + " name a settings.xml server with a <privateKey> in <serverId>");
            }
            log.accept("goldenpath: credentials: the keys of the ssh-agent at " + socket);
            return Credentials.sshAgent(Path.of(socket), knownHosts.toPath());
        }
        return Credentials.none();
    }

    private Credentials fromServer(Server server, String serverId, File knownHosts) throws MojoFailureException {
        if (server.getPrivateKey() != null && !server.getPrivateKey().isBlank()) {
            Path key = Path.of(server.getPrivateKey());
            Credentials ssh = knownHosts == null ? Credentials.ssh(key) : Credentials.ssh(key, knownHosts.toPath());
            log.accept("goldenpath: credentials: SSH key of settings.xml server '" + serverId + "'");
            return server.getPassphrase() == null || server.getPassphrase().isBlank() ? ssh
                    : ssh.withPassphrase(server.getPassphrase());
        }
        if (server.getPassword() == null || server.getPassword().isBlank()) {
            throw new MojoFailureException("settings.xml server '" + serverId
                    + "' has neither a password (the token) nor a privateKey");
        }
        log.accept("goldenpath: credentials: token of settings.xml server '" + serverId + "'");
        return server.getUsername() == null || server.getUsername().isBlank() ? Credentials.token(server.getPassword())
                : Credentials.basic(server.getUsername(), server.getPassword());
    }
}
