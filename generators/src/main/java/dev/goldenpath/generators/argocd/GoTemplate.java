package dev.goldenpath.generators.argocd;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go's text/template that goldenpath's ApplicationSets use: field references such as
 * {@code {{.path.basename}}} with {@code missingkey=error}. Anything else (functions, pipelines, trim markers)
 * is reported as unsupported rather than guessed, so the consistency check never approves what it did not
 * evaluate.
 */
final class GoTemplate {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern FIELD = Pattern.compile("\\s*\\.([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*");

    private GoTemplate() {
    }

    /** Whether the text holds template actions. */
    static boolean templated(String text) {
        return text.contains("{{");
    }

    /**
     * The text with every action replaced by its parameter.
     *
     * @throws IllegalArgumentException naming a missing parameter or an unsupported action
     */
    static String render(String text, Map<String, Object> params) {
        if (text.indexOf('{') < 0) {
            return text; // no action: nothing to replace (the common case, checked before any regex runs)
        }
        Matcher matcher = ACTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Matcher field = FIELD.matcher(matcher.group(1));
            if (!field.matches()) {
                throw new IllegalArgumentException("unsupported template action {{" + matcher.group(1) + "}}");
            }
            Object value = params;
            for (String key : field.group(1).split("\\.")) {
                if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    throw new IllegalArgumentException("map has no entry for key \"" + key + "\" in {{" + matcher.group(1)
                            + "}} (missingkey=error)");
                }
                value = map.get(key);
            }
            if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
                throw new IllegalArgumentException("{{" + matcher.group(1) + "}} is not a scalar");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new IllegalArgumentException("unclosed template action in " + text);
        }
        return out.toString();
    }
}
