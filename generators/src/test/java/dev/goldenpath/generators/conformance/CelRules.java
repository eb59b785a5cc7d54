package dev.goldenpath.generators.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The CRDs' CEL rules ({@code x-kubernetes-validations}) that rendered objects reach, each evaluated by a Java
 * predicate written from its rule text (there is no CEL evaluator on this classpath). A rule that an object reaches
 * and that is not in this table is collected as not checked, so a test can fail on it instead of passing silently.
 */
final class CelRules {

    private static final Map<String, Predicate<JsonNode>> KNOWN = withGatewayApi(Map.of(
            // Istio AuthorizationPolicy spec: at most one of selector, targetRef, targetRefs.
            "(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1",
            self -> (self.has("selector") ? 1 : 0) + (self.has("targetRef") ? 1 : 0) + (self.has("targetRefs") ? 1 : 0) <= 1,
            // Istio AuthorizationPolicy source: serviceAccounts exclude principals and namespaces.
            "(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) &&\n!has(self.notPrincipals)"
                    + " && !has(self.namespaces) && !has(self.notNamespaces)) : true",
            self -> !(self.has("serviceAccounts") || self.has("notServiceAccounts"))
                    || !self.has("principals") && !self.has("notPrincipals") && !self.has("namespaces") && !self.has("notNamespaces"),
            // Istio selectors: no wildcard and no empty key; no wildcard in values.
            "self.all(key, !key.contains(\"*\"))", self -> keys(self).noneMatch(k -> k.contains("*")),
            "self.all(key, key.size() != 0)", self -> keys(self).noneMatch(String::isEmpty),
            "!self.contains(\"*\")", self -> !self.asText().contains("*"),
            // Istio targetRef(s): no cross-namespace reference.
            "self.size() == 0", self -> self.asText().isEmpty(),
            // Istio PeerAuthentication: port-level mTLS needs a selector with labels.
            "has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {})"
                    + ".size() > 0) : true",
            self -> !self.has("portLevelMtls") || self.path("selector").path("matchLabels").size() > 0,
            "self.all(key, 0 < int(key) && int(key) <= 65535)", self -> keys(self).allMatch(CelRules::port)));

    /** The rules above and the Gateway API's ({@link GatewayApiCelRules}). */
    private static Map<String, Predicate<JsonNode>> withGatewayApi(Map<String, Predicate<JsonNode>> rules) {
        Map<String, Predicate<JsonNode>> all = new java.util.HashMap<>(rules);
        all.putAll(GatewayApiCelRules.rules());
        return Map.copyOf(all);
    }

    private final Set<String> notChecked = new TreeSet<>();

    /** Evaluates the rules of one schema node on {@code self}, adding each failed rule's message. */
    void check(JsonNode rules, JsonNode self, String path, List<String> problems) {
        for (JsonNode rule : rules) {
            String text = rule.path("rule").asText();
            Predicate<JsonNode> predicate = KNOWN.get(text);
            if (predicate == null) {
                String field = path.isEmpty() ? "(root)" : path.substring(1);
                notChecked.add(field.replaceAll("\\[\\d+]", "[]") + ": " + text);
            } else if (!predicate.test(self)) {
                problems.add((path.isEmpty() ? "(root)" : path.substring(1)) + ": CEL rule fails: "
                        + rule.path("message").asText(text));
            }
        }
    }

    /** The rules reached but not evaluated, as {@code <field path>: <rule>}. */
    Set<String> notChecked() {
        return notChecked;
    }

    private static java.util.stream.Stream<String> keys(JsonNode self) {
        return StreamSupport.stream(((Iterable<String>) self::fieldNames).spliterator(), false);
    }

    private static boolean port(String key) {
        try {
            long port = Long.parseLong(key);
            return port > 0 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;   // CEL's int() fails: the rule fails
        }
    }
}
