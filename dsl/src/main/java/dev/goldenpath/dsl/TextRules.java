package dev.goldenpath.dsl;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Rules for every string of a spec, whatever field it is in. Strings end up in YAML, in Markdown reports and in
 * Mermaid diagrams: a line break there can forge a field, a row or a graph edge, and bidirectional-override
 * characters make text read differently from what it is (CVE-2021-42574, "Trojan Source").
 */
final class TextRules implements BiConsumer<Supplier<String>, String> {

    /** Generous for any name, URL, reason or path; Kubernetes' own limits are lower for most fields. */
    static final int MAX_LENGTH = 4096;
    /** Values that may legitimately be long documents: env values, annotation values, a PEM key. */
    static final int MAX_DOCUMENT_LENGTH = 256 * 1024;

    private static final java.util.regex.Pattern ENV_VALUE = java.util.regex.Pattern.compile("^apps\\[[^\\]]*\\]\\.(env|configEnv)\\[.*\\]\\.value$");
    private static final java.util.regex.Pattern DOCUMENT =
            java.util.regex.Pattern.compile("^apps\\[[^\\]]*\\]\\.((env|configEnv)\\[.*\\]\\.value|annotations\\[.*\\])$");
    /** Config file content is checked whole by ConfigRules: line breaks allowed, 1 MiB, never echoed. */
    private static final java.util.regex.Pattern CONFIG_CONTENT =
            java.util.regex.Pattern.compile("^apps\\[[^\\]]*\\]\\.configFile\\[.*\\]\\.content$");

    private final Problems problems;

    TextRules(Problems problems) {
        this.problems = problems;
    }

    /** Checks a string; its path is asked for only when the string is not plain short text. */
    @Override
    public void accept(Supplier<String> at, String text) {
        if (text.length() <= MAX_LENGTH && printableAscii(text)) {
            return; // the common case, kept fast: nothing to check
        }
        String path = at.get();
        if (CONFIG_CONTENT.matcher(path).matches()) {
            return;
        }
        boolean document = multiLine(path);
        String shown = ENV_VALUE.matcher(path).matches() ? "<redacted>" : shown(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (bidiControl(c)) {
                problems.add(ViolationCode.TEXT_BIDI_OVERRIDE,
                        path, shown, "the text holds a bidirectional-override character (U+"
                        + String.format("%04X", (int) c) + "), which makes it read differently from what it is",
                        "retype the value without invisible formatting characters");
                return;
            }
            boolean allowed = document && (c == '\n' || c == '\r' || c == '\t');
            if (!allowed && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                problems.add(ViolationCode.TEXT_CONTROL_CHARACTER,
                        path, shown, "the text holds a control character (U+" + String.format("%04X", (int) c)
                                + "); line breaks and control characters could forge YAML fields, report rows or diagram edges",
                        "remove line breaks and control characters from the value");
                return;
            }
        }
        int max = document ? MAX_DOCUMENT_LENGTH : MAX_LENGTH;
        if (text.length() > max) {
            problems.add(ViolationCode.TEXT_TOO_LONG,
                    path, shown, "the text is " + text.length() + " characters long, more than the " + max + " allowed",
                    "shorten it; large data belongs in a ConfigMap or a mounted file");
        }
    }

    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Fields whose values may be documents with line breaks (env values, annotation values, a PEM public key). */
    private static boolean multiLine(String path) {
        return DOCUMENT.matcher(path).matches() || path.equals("baseline.imageSignatures.publicKey");
    }

    static boolean bidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    /** The value, short and with control characters escaped, so that the report itself stays one line per problem. */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || bidiControl(c)
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return text.length() > 80 ? out + "... (" + text.length() + " characters)" : out.toString();
    }
}
