package dev.goldenpath.gitops;

import java.util.Locale;

import org.eclipse.jgit.transport.URIish;

/**
 * The one rule for credentials in a repository URL: there are none. A password or token written into a URL
 * ({@code https://bot:TOKEN@host/...}, {@code https://TOKEN@host/...}) ends up in shell history, process
 * lists, CI logs, build files and the clone cache's name, so such a URL is refused, without echoing it, and
 * the message says where the token goes instead. A user name alone is fine for SSH, where it is the login
 * ({@code git@host:org/repo.git}, {@code ssh://git@host/org/repo.git}); over HTTPS and git:// a user name is
 * refused too, since there it is where tokens are pasted and authentication comes from {@link Credentials}.
 */
final class RepositoryUrls {

    static final String WHERE_TOKENS_GO = "pass the token as credentials instead: Credentials.token(...) in Java,"
            + " the GOLDENPATH_GIT_TOKEN environment variable or --token-file FILE for the goldenpath command,"
            + " a settings.xml <server> named by <serverId> for the Maven plugin";

    private RepositoryUrls() {
    }

    static void requireNoSecret(URIish uri) {
        String scheme = uri.getScheme() == null ? "ssh" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ssh = scheme.equals("ssh") || scheme.equals("git+ssh") || scheme.equals("ssh+git");
        if (uri.getPass() != null) {
            throw new IllegalArgumentException("the repository URL " + redacted(uri) + " holds a password or token;"
                    + " credentials in a URL end up in shell history and CI logs, so they are refused: remove them"
                    + " from the URL and " + WHERE_TOKENS_GO);
        }
        if (uri.getUser() != null && !ssh) {
            throw new IllegalArgumentException("the repository URL " + redacted(uri) + " holds user information"
                    + " before '@', where tokens get pasted; credentials in a URL end up in shell history and CI logs,"
                    + " so they are refused: remove it from the URL and " + WHERE_TOKENS_GO);
        }
    }

    /** The URL without anything before '@', safe to show. */
    static String redacted(URIish uri) {
        if (uri.getUser() == null && uri.getPass() == null) {
            return uri.toString();
        }
        // Built by hand: URIish would percent-encode the mask.
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + "****@" + uri.getHost() + port
                + (uri.getScheme() == null ? ":" : "") + uri.getPath();
    }
}
