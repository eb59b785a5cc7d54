package dev.goldenpath.gitops;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.jgit.transport.URIish;

/**
 * Entry points for publishing rendered trees into GitOps repositories.
 *
 * <pre>{@code
 * import dev.goldenpath.gitops.GitOps;
 *
 * // a remote: HTTPS, SSH (ssh://... or git@host:path) or git://
 * GitOps.repository("https://git.example.com/platform/gitops.git")
 *     .credentials(Credentials.token(System.getenv("GITOPS_TOKEN")))
 *     .publish(tree, "payments-api 1.4.2");
 *
 * // a bare repository on this machine, created on first use
 * GitOps.localBare(Path.of("target/gitops.git")).publish(tree, "render");
 * }</pre>
 */
public final class GitOps {

    private GitOps() {
    }

    /**
     * A publisher for the repository at {@code location}: a remote URL ({@code https://}, {@code http://},
     * {@code ssh://}, {@code git://}, or scp-like {@code git@host:path}), or a local path or {@code file:} URI.
     * Remotes are reached through a local clone cache; local repositories are updated in place.
     *
     * @throws IllegalArgumentException when the location is not a repository address, or when it holds a
     *         password or token ({@code https://bot:TOKEN@host/...}, {@code https://TOKEN@host/...}): credentials
     *         go into {@link Publisher#credentials}, never into the URL, which ends up in shell history and logs.
     *         A user name in an SSH address ({@code git@host:org/repo.git}) is the login and fine.
     */
    public static Publisher repository(String location) {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("the repository location must not be blank");
        }
        if (location.startsWith("file:")) {
            return Publisher.local(Path.of(java.net.URI.create(location)), false);
        }
        // scp-like syntax as git reads it: [user@]host:path, where host has no '/' (and is not a drive letter).
        if (!location.contains("://") && !location.matches("^([A-Za-z0-9._-]+@)?[A-Za-z0-9._-]{2,}:.*")) {
            return Publisher.local(Path.of(location), false);
        }
        try {
            return Publisher.remote(new URIish(location));
        } catch (URISyntaxException e) {
            // The message would echo the location, which may hold a password.
            throw new IllegalArgumentException("not a repository URL (expected https://, ssh://, git:// or"
                    + " user@host:path)");
        }
    }

    /** A publisher for an existing repository on this machine (bare, or a branch not checked out). */
    public static Publisher repository(Path localRepository) {
        Objects.requireNonNull(localRepository, "localRepository");
        return Publisher.local(localRepository, false);
    }

    /**
     * A publisher for a bare repository on this machine that is created (with the publisher's branch as
     * {@code HEAD}) on first use. Publishing the same tree twice commits once.
     */
    public static Publisher localBare(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return Publisher.local(directory, true);
    }

    /**
     * The publisher id a publisher under {@code root} uses when none is set: the root with '/' as '-' (other
     * characters outside letters, digits, '.', '_' and '-' as '_', leading '.', '_' and '-' dropped, shortened
     * with a hash above 100 characters), or {@code root} for the repository root. Tools that read ownership
     * records (a diff against a checkout) use this instead of a copy of the rule.
     *
     * @throws IllegalArgumentException when {@code root} is not a relative path with '/' separators
     */
    public static String defaultPublisherId(String root) {
        Objects.requireNonNull(root, "root");
        return Names.defaultPublisherId(Names.root(root));
    }
}
