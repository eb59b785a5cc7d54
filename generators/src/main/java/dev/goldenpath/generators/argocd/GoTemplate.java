package dev.goldenpath.generators.argocd;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go's text/template that goldenpath's ApplicationSets use: field references such as
 * {@code {{.path.basename}}} with {@code missingkey=error}. Anything else (functions, pipelines, trim markers)
 * is reported as unsupported rather than guessed, so the consistency check never approves what it did not
 * evaluate.
 *
 * <p>A text is parsed once into its literal parts and field paths, and kept: the consistency check renders the
 * same few template texts for every Application a set generates (ten thousand at ten thousand apps).
 */
final class GoTemplate {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern FIELD = Pattern.compile("\\s*\\.([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*");
    /** A render's sets hold a few distinct texts; beyond this many (a long watch), texts are parsed and not kept. */
    private static final int MAX_KEPT = 4_096;
    private static final Map<String, GoTemplate> PARSED = new ConcurrentHashMap<>();

    private final String text;
    /** literals[i] comes before action i; the last one ends the text. */
    private final String[] literals;
    /** Each action's text between the braces, for the messages. */
    private final String[] actions;
    /** Each action's field path, or null for an action this subset does not evaluate. */
    private final String[][] paths;

    private GoTemplate(String text, String[] literals, String[] actions, String[][] paths) {
        this.text = text;
        this.literals = literals;
        this.actions = actions;
        this.paths = paths;
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
            return text; // no action: nothing to replace (the common case, checked before any parsing)
        }
        GoTemplate template = PARSED.get(text);
        if (template == null) {
            template = parse(text);
            if (PARSED.size() < MAX_KEPT) {
                PARSED.putIfAbsent(text, template);
            }
        }
        return template.render(params);
    }

    private static GoTemplate parse(String text) {
        Matcher matcher = ACTION.matcher(text);
        List<String> literals = new java.util.ArrayList<>();
        List<String> actions = new java.util.ArrayList<>();
        List<String[]> paths = new java.util.ArrayList<>();
        int end = 0;
        while (matcher.find()) {
            literals.add(text.substring(end, matcher.start()));
            end = matcher.end();
            String action = matcher.group(1);
            Matcher field = FIELD.matcher(action);
            actions.add(action);
            paths.add(field.matches() ? field.group(1).split("\\.") : null);
        }
        literals.add(text.substring(end));
        return new GoTemplate(text, literals.toArray(String[]::new), actions.toArray(String[]::new),
                paths.toArray(String[][]::new));
    }

    private String render(Map<String, Object> params) {
        StringBuilder out = new StringBuilder(text.length() + 16 * actions.length);
        for (int i = 0; i < actions.length; i++) {
            out.append(literals[i]);
            if (paths[i] == null) {
                throw new IllegalArgumentException("unsupported template action {{" + actions[i] + "}}");
            }
            Object value = params;
            for (String key : paths[i]) {
                if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    throw new IllegalArgumentException("map has no entry for key \"" + key + "\" in {{" + actions[i]
                            + "}} (missingkey=error)");
                }
                value = map.get(key);
            }
            if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
                throw new IllegalArgumentException("{{" + actions[i] + "}} is not a scalar");
            }
            out.append(value);
        }
        out.append(literals[actions.length]);
        // An action left open (or split across lines, which an action's text may not be) is still in the output.
        if (out.indexOf("{{") >= 0) {
            throw new IllegalArgumentException("unclosed template action in " + text);
        }
        return out.toString();
    }
}
