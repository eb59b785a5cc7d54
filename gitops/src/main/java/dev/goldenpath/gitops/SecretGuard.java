package dev.goldenpath.gitops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds plaintext secrets in files about to be committed, from their bytes alone (no Kubernetes model):
 * <ul>
 * <li>a YAML (or JSON) object of {@code kind: Secret} whose {@code data} or {@code stringData} holds values;
 *     {@code SealedSecret} and {@code ExternalSecret} are different kinds and pass;</li>
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
        if (text.contains("Secret")) {
            String start = text.stripLeading();
            if (start.startsWith("{") || start.startsWith("[")) {
                scanJsonSecret(path, text, findings);
            } else {
                scanYamlSecrets(path, text, findings);
            }
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

    // ---- plaintext Secret objects in YAML ----

    /** One {@code key: value} line of a YAML document. */
    private record KeyLine(int line, int column, String key, String value) {
    }

    private static final Pattern KEY = Pattern.compile(
            "^( *)((?:- +)*)(\"[^\"]*\"|'[^']*'|[A-Za-z_$][A-Za-z0-9_.$-]*) *:(?: +(.*))?$");

    /**
     * Keys belong to the same mapping when they sit at the same column and no list item or shallower line
     * started a new mapping between them (a {@code kind: List} holds several objects at one column).
     */
    private static void scanYamlSecrets(String path, String text, List<SecretFinding> findings) {
        String[] lines = text.split("\n", -1);
        Map<Integer, Integer> mappingAtColumn = new HashMap<>();
        Map<Integer, List<KeyLine>> mappings = new HashMap<>();
        int nextMapping = 0;
        for (int index = 0; index <= lines.length; index++) {
            String raw = index < lines.length ? stripCarriageReturn(lines[index]) : "---";
            if (raw.equals("---") || raw.startsWith("--- ") || raw.equals("...")) {
                reportSecrets(path, lines, mappings, findings);
                mappings.clear();
                mappingAtColumn.clear();
                continue;
            }
            String content = raw.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            Matcher key = KEY.matcher(raw);
            int indent = raw.length() - content.length();
            final int shallowest = indent;
            mappingAtColumn.keySet().removeIf(column -> column > shallowest);
            if (!key.matches()) {
                continue;
            }
            int column = key.group(1).length() + key.group(2).length();
            boolean startsItem = !key.group(2).isEmpty();
            mappingAtColumn.keySet().removeIf(c -> c > column);
            Integer mapping = startsItem ? null : mappingAtColumn.get(column);
            if (mapping == null) {
                mapping = nextMapping++;
                mappingAtColumn.put(column, mapping);
            }
            String value = key.group(4) == null ? "" : stripComment(key.group(4));
            mappings.computeIfAbsent(mapping, m -> new ArrayList<>())
                    .add(new KeyLine(index + 1, column, unquote(key.group(3)), value));
        }
    }

    private static void reportSecrets(String path, String[] lines, Map<Integer, List<KeyLine>> mappings,
            List<SecretFinding> findings) {
        for (List<KeyLine> keys : mappings.values()) {
            boolean secret = keys.stream().anyMatch(k -> k.key().equals("kind") && unquote(k.value()).equals("Secret"));
            if (!secret) {
                continue;
            }
            for (KeyLine key : keys) {
                if ((key.key().equals("data") || key.key().equals("stringData")) && holdsValues(lines, key)) {
                    findings.add(new SecretFinding(path, key.line(),
                            "plaintext Secret with " + key.key() + " (kind: Secret)"));
                }
            }
        }
    }

    private static boolean holdsValues(String[] lines, KeyLine key) {
        String value = key.value();
        if (!value.isEmpty()) {
            return !(value.equals("{}") || value.equals("null") || value.equals("~") || value.equals("[]"));
        }
        for (int index = key.line(); index < lines.length; index++) {
            String raw = stripCarriageReturn(lines[index]);
            String content = raw.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (raw.equals("---") || raw.startsWith("--- ") || raw.equals("...")) {
                return false;
            }
            int indent = raw.length() - content.length();
            return indent > key.column() || (indent == key.column() && content.startsWith("- "));
        }
        return false;
    }

    private static final Pattern JSON_KIND_SECRET = Pattern.compile("\"kind\"\\s*:\\s*\"Secret\"");
    private static final Pattern JSON_DATA = Pattern.compile("\"(data|stringData)\"\\s*:\\s*\\{\\s*\"");

    private static void scanJsonSecret(String path, String text, List<SecretFinding> findings) {
        if (!JSON_KIND_SECRET.matcher(text).find()) {
            return;
        }
        Matcher data = JSON_DATA.matcher(text);
        while (data.find()) {
            int line = 1;
            for (int i = 0; i < data.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            findings.add(new SecretFinding(path, line, "plaintext Secret with " + data.group(1) + " (kind: Secret)"));
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String stripComment(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("\"") || trimmed.startsWith("'")) {
            return trimmed;
        }
        int hash = trimmed.indexOf(" #");
        return (hash >= 0 ? trimmed.substring(0, hash) : trimmed).strip();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
