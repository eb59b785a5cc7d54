package dev.goldenpath.dsl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What looks like a secret: a name that says so, a value shaped like a well-known credential, or a line of a config
 * file that assigns a literal to a secret-looking key. The one detector for env values, command lines, annotations and
 * config files, so that a password never reaches a Deployment, an annotation, a ConfigMap or a report. A finding says
 * what was recognised and on which line, never the text itself.
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

    /** One well-known credential format, by what it is. */
    private record Shape(String description, Pattern pattern) {
    }

    /**
     * Well-known credential formats, by their documented prefixes and lengths: at least what the publisher's secret
     * guard refuses (gitops SecretGuard), so that the spec fails at {@code build()}, not at the commit.
     */
    private static final List<Shape> SHAPES = List.of(
            // PEM and OpenSSH private keys (RSA, EC, DSA, ENCRYPTED, OPENSSH, PKCS#8) and PGP private key blocks.
            new Shape("a private key block", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
            // GitHub personal access, OAuth, user-to-server, server-to-server and refresh tokens.
            new Shape("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b")),
            new Shape("a GitHub fine-grained token", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}")),
            new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            // AWS access key ids, long-term (AKIA) and temporary (ASIA).
            new Shape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            // Slack bot, user, app, refresh and legacy tokens.
            new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Shape("a Stripe live key", Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{10,}")),
            new Shape("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            // JSON Web Tokens: base64url header and payload, both JSON objects ("eyJ" is '{"').
            new Shape("a JSON Web Token", Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*")));

    /**
     * Keys of config files that hold a secret when their value is a literal, after lower-casing and dropping '-', '_'
     * and '.': the key must END with one of these, so that {@code password_min_length}, {@code token_url} or
     * {@code existingSecret} (a Secret's name) stay allowed.
     */
    private static final List<String> SECRET_KEY_ENDINGS = List.of("password", "passwd", "passphrase", "pwd", "apikey",
            "apisecret", "clientsecret", "secretkey", "privatekey", "accesstoken", "authtoken", "apitoken",
            "bearertoken", "refreshtoken", "secrettoken", "jwtsecret", "sessionsecret", "cookiesecret");
    /**
     * One assignment per line, as properties, .env, INI, TOML, YAML and JSON write it: an optional {@code export} or
     * list dash, a (quoted) key, '=' or ':', the value.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:export\\s+|-\\s+)?[\"']?([A-Za-z0-9_.\\-]{1,128})[\"']?\\s*[:=]\\s*(.*)$");

    /**
     * Something secret-looking that was found: where, and what it is (never the text).
     *
     * @param line        the line it starts on, from 1
     * @param description what was recognised, e.g. "a GitHub token"
     */
    record Finding(int line, String description) {
    }

    private Credentials() {
    }

    /** Whether the name says it holds a secret (DB_PASSWORD, apiKey, client.secret, X_AUTH_TOKEN). */
    static boolean secretName(String name) {
        String folded = fold(name);
        return SECRET_WORDS.stream().anyMatch(folded::contains) || AUTH_KEY.matcher(folded).find();
    }

    /** Whether the value is only a reference to another variable ({@code $(DB_PASSWORD)}). */
    static boolean reference(String value) {
        return REFERENCE.matcher(value).matches();
    }

    /** Whether the value contains something shaped like a credential. */
    static boolean credentialValue(String value) {
        return credential(value).isPresent();
    }

    /** The first thing in the text shaped like a credential, with its line. */
    static Optional<Finding> credential(String text) {
        Finding first = null;
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            if (matcher.find()) {
                int line = lineOf(text, matcher.start());
                if (first == null || line < first.line()) {
                    first = new Finding(line, shape.description());
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The first line of a config file that sets a secret-looking key ({@code password=...}, {@code client_secret:
     * ...}) to a literal value. Empty values, placeholders the app or a templating step fills in ({@code ${DB_PASSWORD}},
     * {@code $(..)}, <code>{{ .. }}</code>, {@code #{..}}, {@code %(..)s}, {@code @..@}, {@code ENC(..)}), YAML tags and
     * block indicators, and file paths pass.
     */
    static Optional<Finding> secretAssignment(String text) {
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            Matcher assignment = ASSIGNMENT.matcher(text.substring(start, stop));
            if (assignment.matches() && secretKey(assignment.group(1)) && literal(assignment.group(2))) {
                return Optional.of(new Finding(line, "'" + assignment.group(1) + "', a secret by its name, to a literal value"));
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
            line++;
        }
        return Optional.empty();
    }

    private static boolean secretKey(String key) {
        String folded = fold(key);
        return SECRET_KEY_ENDINGS.stream().anyMatch(folded::endsWith);
    }

    private static boolean literal(String raw) {
        String value = raw.strip();
        if (value.endsWith(",")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1).strip();
        }
        if (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null") || value.equals("[]") || value.equals("{}")) {
            return false;
        }
        char first = value.charAt(0);
        // Placeholders, comments, YAML block indicators, tags, anchors and aliases, file paths.
        return "$#%@!&*|>/<{[".indexOf(first) < 0 && !value.startsWith("ENC(");
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
