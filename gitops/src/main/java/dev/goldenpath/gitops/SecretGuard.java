package dev.goldenpath.gitops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds plaintext secrets in files about to be committed, from their bytes alone (no Kubernetes model):
 * <ul>
 * <li>a YAML (or JSON) object of {@code kind: Secret} whose {@code data} or {@code stringData} holds values;
 *     {@code SealedSecret} and {@code ExternalSecret} are different kinds and pass;</li>
 * <li>a {@code name}/{@code value} pair, such as a container's {@code env} entry, whose name looks secret and
 *     whose value is a literal ({@link ManifestSecrets});</li>
 * <li>a PEM or OpenSSH private key block;</li>
 * <li>well-known token formats (GitHub, GitLab, AWS access key ids, Slack, Google API keys, Stripe live
 *     keys, JSON Web Tokens).</li>
 * </ul>
 * A finding names the file, the line and the rule, never the secret. Files with a NUL byte in their first
 * 8000 bytes are binary (git's own heuristic) and are not scanned.
 */
final class SecretGuard {

    private SecretGuard() {
    }

    static List<SecretFinding> scan(List<TreeOverlay.NewFile> files) {
        List<SecretFinding> findings = new ArrayList<>();
        for (TreeOverlay.NewFile file : files) {
            scan(file.path(), file.content(), findings);
        }
        findings.sort(null);
        return findings;
    }

    static void scan(String path, byte[] content, List<SecretFinding> findings) {
        for (int i = 0, end = Math.min(content.length, 8000); i < end; i++) {
            if (content[i] == 0) {
                return;
            }
        }
        // ISO-8859-1 keeps one char per byte: every pattern is ASCII and line numbers stay exact.
        String text = new String(content, StandardCharsets.ISO_8859_1);
        scanTokens(path, text, findings);
        // Only files that can hold a Secret object or a name/value pair pay for reading their structure.
        if (text.contains("Secret") || text.contains("value")) {
            ManifestSecrets.scan(path, text, findings);
        }
    }

    // ---- tokens and key blocks: one pass over the characters, checking only where a prefix can start ----

    private static void scanTokens(String path, String text, List<SecretFinding> findings) {
        int line = 1;
        int reportedLine = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (line == reportedLine) {
                continue;
            }
            String rule = switch (c) {
                case '-' -> privateKeyAt(text, i);
                case 'g' -> gitTokenAt(text, i);
                case 'A' -> awsOrGoogleAt(text, i);
                case 'x' -> startsWordAt(text, i) && matchesAny(text, i, "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-")
                        && run(text, i + 5, SecretGuard::isTokenChar) >= 10 ? "Slack token" : null;
                case 's', 'r' -> startsWordAt(text, i) && matchesAny(text, i, "sk_live_", "rk_live_")
                        && run(text, i + 8, Character::isLetterOrDigit) >= 24 ? "Stripe live secret key" : null;
                case 'e' -> jwtAt(text, i);
                default -> null;
            };
            if (rule != null) {
                findings.add(new SecretFinding(path, line, rule));
                reportedLine = line;
            }
        }
    }

    private static String privateKeyAt(String text, int i) {
        if (!text.startsWith("-----BEGIN ", i)) {
            return null;
        }
        int end = text.indexOf("-----", i + 11);
        int eol = text.indexOf('\n', i);
        if (end < 0 || (eol >= 0 && end > eol)) {
            return null;
        }
        String label = text.substring(i + 11, end);
        return label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK") ? "private key block" : null;
    }

    private static String gitTokenAt(String text, int i) {
        if (!startsWordAt(text, i)) {
            return null;
        }
        if (matchesAny(text, i, "ghp_", "gho_", "ghu_", "ghs_", "ghr_")
                && run(text, i + 4, SecretGuard::isAlphanumeric) >= 36) {
            return "GitHub token";
        }
        if (text.startsWith("github_pat_", i) && run(text, i + 11, SecretGuard::isTokenWordChar) >= 22) {
            return "GitHub fine-grained token";
        }
        if (text.startsWith("glpat-", i) && run(text, i + 6, SecretGuard::isTokenChar) >= 20) {
            return "GitLab token";
        }
        return null;
    }

    private static String awsOrGoogleAt(String text, int i) {
        if (!startsWordAt(text, i)) {
            return null;
        }
        if (matchesAny(text, i, "AKIA", "ASIA")) {
            int upper = run(text, i + 4, ch -> (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
            if (upper == 16 && !isAlphanumeric(charAt(text, i + 20))) {
                return "AWS access key id";
            }
        }
        if (text.startsWith("AIza", i) && run(text, i + 4, SecretGuard::isTokenWordCharOrDash) >= 35) {
            return "Google API key";
        }
        return null;
    }

    private static String jwtAt(String text, int i) {
        if (!startsWordAt(text, i) || !text.startsWith("eyJ", i)) {
            return null;
        }
        int header = run(text, i, SecretGuard::isTokenWordCharOrDash);
        int dot = i + header;
        if (header < 10 || charAt(text, dot) != '.' || !text.startsWith("eyJ", dot + 1)) {
            return null;
        }
        int payload = run(text, dot + 1, SecretGuard::isTokenWordCharOrDash);
        int second = dot + 1 + payload;
        return payload >= 10 && charAt(text, second) == '.'
                && run(text, second + 1, SecretGuard::isTokenWordCharOrDash) >= 10 ? "JSON Web Token" : null;
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static int run(String text, int from, CharTest test) {
        int i = from;
        while (i < text.length() && test.test(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean matchesAny(String text, int i, String... prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWordAt(String text, int i) {
        return i == 0 || !isTokenWordChar(text.charAt(i - 1));
    }

    private static char charAt(String text, int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isTokenWordChar(char c) {
        return isAlphanumeric(c) || c == '_';
    }

    private static boolean isTokenChar(char c) {
        return isAlphanumeric(c) || c == '-' || c == '_';
    }

    private static boolean isTokenWordCharOrDash(char c) {
        return isTokenChar(c);
    }
}
