package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.lint.KubeObject.Container;
import dev.goldenpath.vocabulary.RuleId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Secrets in plain sight: a container's {@code env} entry whose literal {@code value} is a secret, by its name or by
 * its form. The value is never put into a finding.
 */
final class EnvSecrets {

    /** Words of secret-looking names, after lower-casing and dropping '-', '_' and '.'. */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "pwd", "secret", "token", "apikey",
            "privatekey", "credential", "accesskey", "clientsecret", "connectionstring", "authkey", "authtoken");
    /** A value made only of {@code $(VAR)} references (Kubernetes expands them; {@code $$(} is a literal). */
    private static final Pattern REFERENCES = Pattern.compile("(\\$\\([A-Za-z0-9_.-]+\\))+");

    /** Well-known credential formats, by what they are. */
    private record Credential(String description, Pattern pattern) {
    }

    private static final List<Credential> CREDENTIALS = List.of(
            new Credential("a private key", Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")),
            new Credential("a GitHub token", Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}")),
            new Credential("a GitLab token", Pattern.compile("glpat-[A-Za-z0-9_-]{20,}")),
            new Credential("an AWS access key", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])")),
            new Credential("a Slack token", Pattern.compile("xox[abposr]-[A-Za-z0-9-]{10,}")),
            new Credential("a Stripe live key", Pattern.compile("[sr]k_live_[0-9A-Za-z]{16,}")),
            new Credential("a Google API key", Pattern.compile("AIza[0-9A-Za-z_-]{35}")),
            new Credential("a JSON Web Token", Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.")));

    private EnvSecrets() {
    }

    // NSA/CISA hardening guide and CIS 5.4.1: secrets belong in Secret objects, not in the pod spec.
    static void check(KubeObject object, Reporter reporter) {
        for (Container container : object.pod.containers) {
            JsonNode env = container.node().path("env");
            for (int i = 0; i < env.size(); i++) {
                JsonNode entry = env.get(i);
                String value = Json.text(entry.get("value"));
                if (value.isEmpty()) {
                    continue;
                }
                String name = Json.text(entry.get("name"));
                String path = FieldPaths.index(container.at("env"), i) + ".value";
                String credential = credential(value);
                if (!credential.isEmpty()) {
                    reporter.report(RuleId.PLAINTEXT_ENV_SECRET, object, path, container.display() + " sets env "
                            + Json.quote(name) + " to a literal value that looks like " + credential);
                } else if (secretName(name) && !REFERENCES.matcher(value).matches()) {
                    reporter.report(RuleId.PLAINTEXT_ENV_SECRET, object, path, container.display() + " sets env "
                            + Json.quote(name) + ", a secret by its name, to a literal value");
                }
            }
        }
    }

    static boolean secretName(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        for (String word : SECRET_WORDS) {
            if (normalized.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** What the value looks like, or an empty string when it has no known credential form. */
    static String credential(String value) {
        for (Credential credential : CREDENTIALS) {
            if (credential.pattern().matcher(value).find()) {
                return credential.description();
            }
        }
        return "";
    }
}
