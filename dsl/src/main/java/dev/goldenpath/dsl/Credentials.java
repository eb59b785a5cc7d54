package dev.goldenpath.dsl;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What looks like a secret: a name that says so, or a value shaped like a well-known credential. Shared by every
 * place that takes plain text, so that a password never reaches a Deployment, an annotation or a report.
 */
final class Credentials {

    /**
     * Words that mark a name as secret once it is lower-cased and '-', '_' and '.' are dropped (the rule is shared
     * with the other goldenpath checks; keep it identical).
     */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "pwd", "secret", "token", "apikey",
            "privatekey", "credential", "accesskey", "clientsecret", "connectionstring");
    private static final Pattern AUTH_KEY = Pattern.compile("auth(key|token)");
    /** Kubernetes expands {@code $(VAR)} from another variable: a reference, not a literal. */
    private static final Pattern REFERENCE = Pattern.compile("^\\$\\([-._a-zA-Z][-._a-zA-Z0-9]*\\)$");

    /** Well-known credential formats, by their documented prefixes and lengths. */
    private static final List<Pattern> CREDENTIALS = List.of(
            // PEM and OpenSSH private keys (RSA, EC, DSA, ENCRYPTED, OPENSSH, PKCS#8).
            Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----"),
            // GitHub personal access tokens, classic and fine-grained.
            Pattern.compile("\\bghp_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}"),
            // GitLab personal access tokens.
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
            // AWS access key ids.
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            // Slack bot, user, app, refresh and legacy tokens.
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            // Stripe live secret and restricted keys.
            Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{10,}"),
            // Google API keys.
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
            // JSON Web Tokens: base64url header and payload, both JSON objects ("eyJ" is '{"').
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"));

    private Credentials() {
    }

    /** Whether the name says it holds a secret (DB_PASSWORD, apiKey, client.secret, X_AUTH_TOKEN). */
    static boolean secretName(String name) {
        String folded = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        return SECRET_WORDS.stream().anyMatch(folded::contains) || AUTH_KEY.matcher(folded).find();
    }

    /** Whether the value is only a reference to another variable ({@code $(DB_PASSWORD)}). */
    static boolean reference(String value) {
        return REFERENCE.matcher(value).matches();
    }

    /** Whether the value contains something shaped like a credential. */
    static boolean credentialValue(String value) {
        return CREDENTIALS.stream().anyMatch(p -> p.matcher(value).find());
    }
}
