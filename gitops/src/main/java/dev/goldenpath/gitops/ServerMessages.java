package dev.goldenpath.gitops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a git server said about a refused push (the "remote:" lines a pre-receive hook or a branch protection
 * prints), made fit for an exception message and a CI log: control characters and terminal escapes removed
 * (they could rewrite the user's terminal), this publish's own secrets and anything token-shaped masked, and
 * at most {@value #MAX_LINES} lines kept.
 */
final class ServerMessages {

    static final int MAX_LINES = 20;
    private static final int MAX_LINE_LENGTH = 300;

    /** ANSI/VT100 escape sequences (CSI and OSC) that hosting servers use for colour. */
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?");
    /** Password in a URL's user info: {@code scheme://user:secret@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)[^/\\s@]+@");
    /** The token formats the secret guard knows, wherever they appear in a line. */
    private static final Pattern TOKENS = Pattern.compile(
            "\\b(gh[opusr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}"
                    + "|xox[abposr]-[A-Za-z0-9-]{10,}|(AKIA|ASIA)[A-Z0-9]{16}|AIza[A-Za-z0-9_-]{35}"
                    + "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})");
    /** {@code Authorization: Bearer x}, {@code token=x}, {@code password: x} and the like. */
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)\\b(authorization|bearer|basic|token|password|passwd|secret|api[_-]?key)(\\s*[:=]\\s*|\\s+)(bearer\\s+|basic\\s+)?[^\\s'\"]{6,}");

    private ServerMessages() {
    }

    /**
     * The server's lines, cleaned; {@code scrub} masks the publish's own credentials. Empty when the server
     * said nothing.
     */
    static List<String> clean(String messages, UnaryOperator<String> scrub) {
        if (messages == null || messages.isBlank()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String raw : scrub.apply(messages).split("\r\n|\r|\n")) {
            String line = ESCAPES.matcher(raw).replaceAll("");
            line = line.replaceAll("[\\p{Cntrl}&&[^\t]]", "").strip();
            if (line.startsWith("remote:")) {
                line = line.substring("remote:".length()).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            line = URL_PASSWORD.matcher(line).replaceAll("$1****@");
            line = TOKENS.matcher(line).replaceAll("****");
            line = ASSIGNED.matcher(line).replaceAll("$1$2$3****");
            if (line.length() > MAX_LINE_LENGTH) {
                line = line.substring(0, MAX_LINE_LENGTH) + "...";
            }
            if (lines.size() == MAX_LINES) {
                lines.add("... (more lines from the server left out)");
                break;
            }
            lines.add(line);
        }
        return List.copyOf(lines);
    }
}
