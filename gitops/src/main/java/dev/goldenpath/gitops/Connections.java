package dev.goldenpath.gitops;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Opens JGit transports to one remote with the publisher's credentials, and turns JGit's failures into
 * {@link PublishException}s whose messages and causes are free of secrets. One per publish; closing it
 * shuts the SSH client down.
 */
final class Connections implements AutoCloseable {

    /** Repository addresses in a message: URLs and scp-like {@code user@host:path}. */
    private static final Pattern ADDRESS = Pattern.compile("[a-z][a-z0-9+.-]*://\\S+|\\S+@\\S+:\\S*");
    /** HTTP 401 or 403 as a status code of its own, not digits inside a port or a path. */
    private static final Pattern HTTP_REFUSAL = Pattern.compile("(?<![\\w.:/-])40[13](?![\\w.])");

    private final URIish uri;
    private final Credentials credentials;
    private final int timeoutSeconds;
    private final List<String> secrets;
    private StrictKnownHosts knownHosts;
    private SshdSessionFactory ssh;

    Connections(URIish uri, Credentials credentials, Duration timeout) {
        this.uri = uri;
        this.credentials = credentials;
        this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        List<String> all = new ArrayList<>(credentials.secrets());
        if (credentials.kind() == Credentials.Kind.BASIC) {
            // The Authorization header JGit builds from them.
            all.add(Base64.getEncoder().encodeToString(
                    (credentials.username() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8)));
        }
        this.secrets = List.copyOf(all);
    }

    URIish uri() {
        return uri;
    }

    Transport open(Repository local) throws Exception {
        Transport transport = Transport.open(local, uri);
        transport.setTimeout(timeoutSeconds);
        switch (credentials.kind()) {
            case BASIC -> transport.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(credentials.username(), credentials.secret()));
            case BEARER -> {
                if (transport instanceof TransportHttp http) {
                    http.setAdditionalHeaders(Map.of("Authorization", "Bearer " + credentials.secret()));
                }
            }
            default -> {
            }
        }
        if (transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(sshSessionFactory());
        }
        return transport;
    }

    private synchronized SshdSessionFactory sshSessionFactory() {
        if (ssh == null) {
            knownHosts = new StrictKnownHosts(credentials.knownHosts());
            File home = new File(System.getProperty("user.home"));
            SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home)
                    .setSshDirectory(new File(home, ".ssh"))
                    // Deterministic on every machine: no ~/.ssh/config (it could relax host key checking
                    // or add identities).
                    .setConfigFile(sshDir -> null)
                    .setConnectorFactory(credentials.agentSocket().map(AgentConnector.Factory::new).orElse(null))
                    .setPreferredAuthentications("publickey")
                    .setServerKeyDatabase((homeDir, sshDir) -> knownHosts);
            if (credentials.privateKey().isPresent()) {
                // One key file: that key only (OpenSSH's IdentitiesOnly), so a deploy key is not shadowed by
                // whatever else the machine has.
                builder.setDefaultIdentities(sshDir -> List.of(credentials.privateKey().get()));
            } else if (credentials.kind() == Credentials.Kind.SSH) {
                // The agent's keys only.
                builder.setDefaultIdentities(sshDir -> List.of());
            }
            credentials.passphrase().ifPresent(passphrase -> builder.setKeyPasswordProvider(
                    provider -> new FixedPassphrase(passphrase)));
            ssh = builder.build(null);
        }
        return ssh;
    }

    /** Maps a JGit failure to a typed, secret-free exception. */
    PublishException failure(String action, Exception e) {
        if (e instanceof PublishException publish) {
            return publish;
        }
        String where = uri.toString();
        StrictKnownHosts.Verdict refusal = knownHosts == null ? null : knownHosts.refusal();
        if (refusal == StrictKnownHosts.Verdict.UNKNOWN) {
            return new PublishException(PublishException.Reason.HOST_KEY_UNKNOWN, "the host key of " + where
                    + " is not in " + knownHosts.knownHosts() + "; add it there (ssh-keyscan, then verify its"
                    + " fingerprint) to trust this server");
        }
        if (refusal == StrictKnownHosts.Verdict.REVOKED) {
            return new PublishException(PublishException.Reason.HOST_KEY_REVOKED, "the host key of " + where
                    + " is marked @revoked in " + knownHosts.knownHosts()
                    + ": it was withdrawn (compromised or retired); refusing to connect");
        }
        if (refusal == StrictKnownHosts.Verdict.CHANGED) {
            return new PublishException(PublishException.Reason.HOST_KEY_CHANGED, "the host key of " + where
                    + " differs from the one in " + knownHosts.knownHosts()
                    + ": the server was re-keyed or someone is intercepting the connection; refusing to connect");
        }
        String detail = scrub(describe(e));
        // Classify on what the server said, not on the address: a port such as 38401 is no HTTP 401.
        String lower = ADDRESS.matcher(detail.replace(where, " ")).replaceAll(" ").toLowerCase(Locale.ROOT);
        Throwable cause = safeCause(e);
        if (lower.contains("not authorized") || lower.contains("authentication") || lower.contains("auth fail")
                || HTTP_REFUSAL.matcher(lower).find() || lower.contains("permission denied")
                || lower.contains("no more authentication methods")) {
            return new PublishException(PublishException.Reason.AUTHENTICATION_FAILED,
                    "could not " + action + " " + where + ": the server refused the credentials ("
                            + credentials + "): " + detail, cause);
        }
        if (e instanceof NoRemoteRepositoryException || lower.contains("not found") || lower.contains("no such repository")
                || lower.contains("does not appear to be a git repository")
                || lower.contains("repository not exported")) {
            return new PublishException(PublishException.Reason.REPOSITORY_NOT_FOUND,
                    "could not " + action + " " + where + ": no repository there: " + detail, cause);
        }
        if (e instanceof URISyntaxException) {
            return new PublishException(PublishException.Reason.INVALID_REQUEST, "bad repository address: " + detail);
        }
        return new PublishException(PublishException.Reason.TRANSPORT_FAILED,
                "could not " + action + " " + where + ": " + detail, cause);
    }

    String scrub(String text) {
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, "****");
        }
        return clean;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" (").append(cause.getMessage()).append(')');
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    /** The cause to attach, or null when any message in its chain mentions a secret. */
    private Throwable safeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()) + t;
            for (String secret : secrets) {
                if (message.contains(secret)) {
                    return null;
                }
            }
        }
        return e;
    }

    @Override
    public synchronized void close() {
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
    }

    /** Hands JGit the key passphrase once; a wrong passphrase fails instead of being retried. */
    private record FixedPassphrase(String passphrase) implements KeyPasswordProvider {
        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return attempt == 0 ? passphrase.toCharArray() : null;
        }

        @Override
        public void setAttempts(int maxNumberOfAttempts) {
            // One attempt: the passphrase is fixed.
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            return false;
        }

        @Override
        public String toString() {
            return "FixedPassphrase[****]";
        }
    }

    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("goldenpath").resolve("gitops");
    }
}
