package dev.goldenpath.gitops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a publisher proves who it is to the git server. Immutable; {@link #toString()} never shows a
 * secret, and neither do the messages of the exceptions a publish throws.
 *
 * <pre>{@code
 * Credentials.token(System.getenv("GITOPS_TOKEN"))              // HTTPS, token as basic-auth password
 * Credentials.bearer(System.getenv("GITOPS_TOKEN"))             // HTTPS, "Authorization: Bearer ..."
 * Credentials.ssh(Path.of("/run/secrets/deploy_key"),            // SSH, host key checked against
 *                 Path.of("/etc/goldenpath/known_hosts"))        //      this known_hosts file
 * Credentials.sshAgent(Path.of("/etc/goldenpath/known_hosts"))   // SSH, the keys of the ssh-agent
 * }</pre>
 *
 * <p>Keys may be ed25519 (what {@code ssh-keygen} makes by default), ECDSA or RSA, in OpenSSH or PEM format,
 * with or without a passphrase. A password or token is never taken from the repository URL: a URL holding
 * one is refused (see {@link GitOps#repository(String)}).
 *
 * <p>SSH always verifies the server's host key against the known_hosts file: an unknown, a changed or a
 * revoked key fails the publish ({@link PublishException.Reason#HOST_KEY_UNKNOWN}, {@code HOST_KEY_CHANGED},
 * {@code HOST_KEY_REVOKED}); there is no switch to accept keys blindly.
 */
public final class Credentials {

    /** The user name GitHub documents for token authentication; GitLab and Gitea accept any name with a token. */
    static final String TOKEN_USER = "x-access-token";

    enum Kind { NONE, BASIC, BEARER, SSH }

    /** Where OpenSSH tells programs its agent listens. */
    static final String AGENT_VARIABLE = "SSH_AUTH_SOCK";

    private static final Credentials NONE = new Credentials(Kind.NONE, null, null, null, null, null, null);

    private final Kind kind;
    private final String username;
    private final String secret;
    private final Path privateKey;
    private final Path knownHosts;
    private final String passphrase;
    private final Path agentSocket;

    private Credentials(Kind kind, String username, String secret, Path privateKey, Path knownHosts,
            String passphrase, Path agentSocket) {
        this.kind = kind;
        this.username = username;
        this.secret = secret;
        this.privateKey = privateKey;
        this.knownHosts = knownHosts;
        this.passphrase = passphrase;
        this.agentSocket = agentSocket;
    }

    /**
     * No credentials: anonymous HTTPS or git://; over SSH what {@code git} itself would use: the keys of the
     * ssh-agent when {@code SSH_AUTH_SOCK} names one, and the default keys of {@code ~/.ssh}, with host keys
     * checked against {@code ~/.ssh/known_hosts}.
     */
    public static Credentials none() {
        return NONE;
    }

    /**
     * An access token sent as the password of HTTP basic authentication (user name {@code x-access-token}),
     * which GitHub, GitLab, Gitea and Bitbucket all accept.
     */
    public static Credentials token(String token) {
        return basic(TOKEN_USER, token);
    }

    /** HTTP basic authentication with a user name and a password or token. */
    public static Credentials basic(String username, String password) {
        requireText(username, "username");
        requireText(password, "password");
        return new Credentials(Kind.BASIC, username, password, null, null, null, null);
    }

    /** An access token sent as {@code Authorization: Bearer <token>} on every HTTP request. */
    public static Credentials bearer(String token) {
        requireText(token, "token");
        return new Credentials(Kind.BEARER, null, token, null, null, null, null);
    }

    /**
     * SSH public-key authentication with one private key (OpenSSH or PEM format); the server's host key must
     * be listed in {@code knownHosts} (OpenSSH format, hashed entries and {@code [host]:port} allowed).
     */
    public static Credentials ssh(Path privateKey, Path knownHosts) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(knownHosts, "knownHosts");
        return new Credentials(Kind.SSH, null, null, privateKey, knownHosts, null, null);
    }

    /** SSH with one private key, checking host keys against {@code ~/.ssh/known_hosts}. */
    public static Credentials ssh(Path privateKey) {
        return ssh(privateKey, defaultKnownHosts());
    }

    /**
     * SSH public-key authentication with the keys an ssh-agent holds (the agent whose socket the environment
     * variable {@code SSH_AUTH_SOCK} names, as {@code ssh-agent} sets it); no key file is read. The server's
     * host key must be listed in {@code knownHosts}.
     *
     * @throws IllegalStateException when {@code SSH_AUTH_SOCK} is not set: no agent runs for this process
     */
    public static Credentials sshAgent(Path knownHosts) {
        String socket = System.getenv(AGENT_VARIABLE);
        if (socket == null || socket.isBlank()) {
            throw new IllegalStateException("no ssh-agent: " + AGENT_VARIABLE + " is not set (start one with"
                    + " eval \"$(ssh-agent)\" and add the key with ssh-add, or use Credentials.ssh(key, knownHosts))");
        }
        return sshAgent(Path.of(socket), knownHosts);
    }

    /** SSH with the keys of the ssh-agent listening on the Unix socket {@code agentSocket}. */
    public static Credentials sshAgent(Path agentSocket, Path knownHosts) {
        Objects.requireNonNull(agentSocket, "agentSocket");
        Objects.requireNonNull(knownHosts, "knownHosts");
        return new Credentials(Kind.SSH, null, null, null, knownHosts, null, agentSocket);
    }

    /** The same SSH credentials with the passphrase that decrypts the private key. */
    public Credentials withPassphrase(String keyPassphrase) {
        if (kind != Kind.SSH || privateKey == null) {
            throw new IllegalStateException("a passphrase only applies to SSH credentials with a private key file");
        }
        requireText(keyPassphrase, "keyPassphrase");
        return new Credentials(kind, null, null, privateKey, knownHosts, keyPassphrase, null);
    }

    static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    Kind kind() {
        return kind;
    }

    String username() {
        return username;
    }

    String secret() {
        return secret;
    }

    Optional<Path> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    Path knownHosts() {
        return knownHosts == null ? defaultKnownHosts() : knownHosts;
    }

    Optional<String> passphrase() {
        return Optional.ofNullable(passphrase);
    }

    /**
     * The agent socket to use: the one given to {@link #sshAgent}, or for {@link #none()} the one in
     * {@code SSH_AUTH_SOCK}, if any; a key file alone means no agent, so that one deploy key is what is tried.
     */
    Optional<Path> agentSocket() {
        if (agentSocket != null) {
            return Optional.of(agentSocket);
        }
        String socket = kind == Kind.NONE ? System.getenv(AGENT_VARIABLE) : null;
        return socket == null || socket.isBlank() ? Optional.empty() : Optional.of(Path.of(socket));
    }

    /** The secret strings to scrub from any message that leaves this module. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>(2);
        if (secret != null) {
            secrets.add(secret);
        }
        if (passphrase != null) {
            secrets.add(passphrase);
        }
        return secrets;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials that && kind == that.kind
                && Objects.equals(username, that.username) && Objects.equals(secret, that.secret)
                && Objects.equals(privateKey, that.privateKey) && Objects.equals(knownHosts, that.knownHosts)
                && Objects.equals(passphrase, that.passphrase) && Objects.equals(agentSocket, that.agentSocket);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, username, privateKey, knownHosts);
    }

    /** Names the kind of credentials and never the secret, e.g. {@code Credentials[basic x-access-token:****]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "Credentials[none]";
            case BASIC -> "Credentials[basic " + username + ":****]";
            case BEARER -> "Credentials[bearer ****]";
            case SSH -> "Credentials[ssh " + (privateKey != null ? "key=" + privateKey : "agent=" + agentSocket)
                    + ", knownHosts=" + knownHosts() + (passphrase == null ? "" : ", passphrase=****") + "]";
        };
    }
}
