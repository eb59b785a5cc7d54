package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GoTemplateTest {

    private static final Map<String, Object> PARAMS = params();

    private static Map<String, Object> params() {
        Map<String, Object> path = new LinkedHashMap<>();
        path.put("path", "apps/production/payments-api");
        path.put("basename", "payments-api");
        path.put("segments", List.of("apps", "production", "payments-api"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", path);
        params.put("name", "payments");
        params.put("money", "$1 \\ {x}");
        params.put("open", "a{{b");
        params.put("count", 3);
        params.put("nothing", null);
        return params;
    }

    @Test
    void replacesFieldReferences() {
        assertEquals("payments-api-production", GoTemplate.render("{{.path.basename}}-production", PARAMS));
        assertEquals("ns payments / payments-api", GoTemplate.render("ns {{ .name }} / {{.path.basename}}", PARAMS));
        assertEquals("3 $1 \\ {x}", GoTemplate.render("{{.count}} {{.money}}", PARAMS));
        assertEquals("no action", GoTemplate.render("no action", PARAMS));
        assertEquals("braces { alone }", GoTemplate.render("braces { alone }", PARAMS));
    }

    @Test
    void refusesWhatItDoesNotEvaluate() {
        assertEquals("unsupported template action {{ .name | upper }}",
                assertThrows(IllegalArgumentException.class,
                        () -> GoTemplate.render("x {{ .name | upper }}", PARAMS)).getMessage());
        assertEquals("map has no entry for key \"missing\" in {{.path.missing}} (missingkey=error)",
                assertThrows(IllegalArgumentException.class,
                        () -> GoTemplate.render("{{.path.missing}}", PARAMS)).getMessage());
        assertEquals("{{.path}} is not a scalar",
                assertThrows(IllegalArgumentException.class, () -> GoTemplate.render("{{.path}}", PARAMS)).getMessage());
        assertEquals("{{.nothing}} is not a scalar",
                assertThrows(IllegalArgumentException.class, () -> GoTemplate.render("{{.nothing}}", PARAMS))
                        .getMessage());
        assertEquals("unclosed template action in {{.name",
                assertThrows(IllegalArgumentException.class, () -> GoTemplate.render("{{.name", PARAMS)).getMessage());
        assertEquals("unclosed template action in {{.\nname}}",
                assertThrows(IllegalArgumentException.class, () -> GoTemplate.render("{{.\nname}}", PARAMS))
                        .getMessage());
    }

    /** The same answers, and the same refusals, as reading every text with the expressions anew each time. */
    @Test
    void parsedOnceAnswersAsTheExpressionsDo() {
        Random random = new Random(18);
        String[] pieces = {"{{.name}}", "{{ .path.basename }}", "{{.path.segments}}", "{{.count}}", "{{.money}}",
            "{{.open}}", "{{.nothing}}", "{{.missing}}", "{{.path.basename.deeper}}", "{{ upper .name }}", "{{",
            "}}", "{", "}", "$", "\\", "\n", "-", "apps/", "{{.name", ".name}}", "{{}}", "{{ }}", "{{._x9}}", "x"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(6); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String template = text.toString();
            for (int twice = 0; twice < 2; twice++) { // parsed, then kept
                assertEquals(answer(() -> Reference.render(template, PARAMS)),
                        answer(() -> GoTemplate.render(template, PARAMS)), template);
            }
        }
    }

    private static String answer(java.util.function.Supplier<String> render) {
        try {
            return "= " + render.get();
        } catch (IllegalArgumentException e) {
            return "! " + e.getMessage();
        }
    }

    /** The expressions applied to the text on every call, as the check did before texts were parsed once. */
    private static final class Reference {
        private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
        private static final Pattern FIELD =
                Pattern.compile("\\s*\\.([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*");

        static String render(String text, Map<String, Object> params) {
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
                        throw new IllegalArgumentException("map has no entry for key \"" + key + "\" in {{"
                                + matcher.group(1) + "}} (missingkey=error)");
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
}
