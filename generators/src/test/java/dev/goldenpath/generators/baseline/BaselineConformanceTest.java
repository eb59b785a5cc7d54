package dev.goldenpath.generators.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.generators.conformance.CrdConformance;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The baseline's custom resources against the upstream CRD schemas, and its Falco rules against Falco's grammar. */
class BaselineConformanceTest {

    private static final RenderedTree TREE = BaselineRenderingTest.render(BaselineRenderingTest.spec().build()).tree();

    @Test
    void customResourcesConformToTheUpstreamSchemas() {
        Optional<CrdConformance> crds = CrdConformance.load();
        assumeTrue(crds.isPresent(), "upstream CRDs not found (../shared/crds): schema conformance not checked");
        // In full (conformance.StructuralSchema): pruning, list types, formats and CEL rules too; the constraint
        // against the CRD Gatekeeper generates from its template.
        CrdConformance.Result result = crds.get().check(TREE.filter(p -> p.startsWith("platform/")));
        assertEquals(List.of(), result.violations());
        assertEquals(Set.of(), result.celNotChecked());
        // Both environments: one template and constraint, two Kyverno policies, one image policy, mesh-wide mTLS
        // (plus the per-namespace PeerAuthentications of the app namespaces).
        assertEquals(Map.of("ClusterImagePolicy", 2, "ClusterPolicy", 4, "ConstraintTemplate", 2, "K8sRequiredLabels", 2,
                "PeerAuthentication", 2 + 4), result.checked());
    }

    // --- Falco rules ------------------------------------------------------------------------------------------

    /** Falco fields the generated conditions and outputs may use (Falco's field reference, container plugin). */
    private static final Set<String> FIELDS = Set.of("evt.type", "evt.dir", "evt.is_open_write", "fd.typechar", "fd.num",
            "fd.name", "container.id", "container.image.repository", "k8s.ns.name", "k8s.pod.name", "k8s.pod.label",
            "proc.name", "proc.exepath", "proc.cmdline", "proc.pname", "user.name");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "in", "startswith", "host", "true", "execve",
            "execveat", "open", "openat", "openat2");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<string>\"[^\"]*\"|'[^']*')|(?<field>[a-z0-9_]+(?:\\.[a-z0-9_]+)+)(?<arg>\\[[^\\]]+\\])?"
                    + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)|(?<number>[0-9]+)|(?<op>>=|<=|!=|=|<|>|\\(|\\)|,))");
    private static final Pattern OUTPUT_FIELD = Pattern.compile("%([a-z0-9_.]+)");

    @Test
    void falcoRulesUseOnlyKnownFieldsAndDefinedMacrosAndLists() {
        for (String environment : List.of("staging", "production")) {
            JsonNode configMap = Yaml.read(TREE.bytes("platform/" + environment + "/falco/configmap-falco-rules.yaml").orElseThrow());
            JsonNode items = Yaml.read(configMap.at("/data/goldenpath-rules.yaml").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(items.isArray() && items.size() > 3, items.toString());
            Set<String> defined = new java.util.HashSet<>();
            List<String> rules = new ArrayList<>();
            for (JsonNode item : items) {
                if (item.has("list")) {
                    defined.add(item.get("list").asText());
                    assertTrue(item.get("items").isArray());
                } else if (item.has("macro")) {
                    check(item.get("condition").asText(), defined);
                    defined.add(item.get("macro").asText());
                } else {
                    for (String field : List.of("rule", "desc", "condition", "output", "priority")) {
                        assertTrue(item.hasNonNull(field), "rule without " + field + ": " + item);
                    }
                    assertTrue(Set.of("ERROR", "WARNING").contains(item.get("priority").asText()));
                    check(item.get("condition").asText(), defined);
                    Matcher output = OUTPUT_FIELD.matcher(item.get("output").asText());
                    while (output.find()) {
                        assertTrue(FIELDS.contains(output.group(1)), "unknown output field " + output.group(1));
                    }
                    rules.add(item.get("rule").asText());
                }
            }
            assertEquals(rules.size(), new java.util.HashSet<>(rules).size(), "rule names must be unique: " + rules);
        }
    }

    @Test
    void everyRuleNamesItsAppByNamespaceAndLabel() {
        JsonNode configMap = Yaml.read(TREE.bytes("platform/staging/falco/configmap-falco-rules.yaml").orElseThrow());
        JsonNode items = Yaml.read(configMap.at("/data/goldenpath-rules.yaml").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> conditions = new TreeMap<>();
        items.forEach(item -> {
            if (item.has("rule")) {
                conditions.put(item.get("rule").asText(), item.get("condition").asText());
            }
        });
        assertEquals(List.of("goldenpath shell in data-staging/db", "goldenpath shell in web-staging/api",
                "goldenpath unexpected process in data-staging/db", "goldenpath write below protected path in data-staging/db",
                "goldenpath write below protected path in web-staging/api"), List.copyOf(conditions.keySet()));
        conditions.forEach((rule, condition) -> {
            String app = rule.substring(rule.lastIndexOf('/') + 1);
            String namespace = rule.substring(rule.lastIndexOf(' ') + 1, rule.lastIndexOf('/'));
            assertTrue(condition.contains("k8s.ns.name = \"" + namespace + "\" and k8s.pod.label[app.kubernetes.io/name] = \""
                    + app + "\""), condition);
        });
        // The db profile: its declared executables, its exec probe, a process name; /usr and /etc protected.
        assertTrue(conditions.get("goldenpath unexpected process in data-staging/db").endsWith(
                "not (proc.exepath in (\"/usr/local/bin/db\", \"/usr/local/bin/db-health\") or proc.name in (\"postgres\"))"));
        assertTrue(conditions.get("goldenpath write below protected path in data-staging/db")
                .endsWith("(fd.name startswith \"/usr/\" or fd.name startswith \"/etc/\")"));
        // The default profile: writes below /etc alert, except below the app's declared writable path.
        assertTrue(conditions.get("goldenpath write below protected path in web-staging/api")
                .endsWith("(fd.name startswith \"/etc/\") and not (fd.name startswith \"/etc/api/cache/\")"));
    }

    private static void check(String condition, Set<String> defined) {
        Matcher token = TOKEN.matcher(condition);
        int depth = 0;
        int at = 0;
        while (at < condition.length()) {
            assertTrue(token.find(at) && token.start() == at, "cannot parse condition at " + at + ": " + condition);
            at = token.end();
            if (token.group("field") != null) {
                assertTrue(FIELDS.contains(token.group("field")), "unknown field " + token.group("field") + " in " + condition);
            } else if (token.group("word") != null) {
                String word = token.group("word");
                assertTrue(WORDS.contains(word) || defined.contains(word), "undefined " + word + " in " + condition);
            } else if ("(".equals(token.group("op"))) {
                depth++;
            } else if (")".equals(token.group("op"))) {
                depth--;
                assertTrue(depth >= 0, "unbalanced parentheses: " + condition);
            }
        }
        assertEquals(0, depth, "unbalanced parentheses: " + condition);
    }
}
