package dev.goldenpath.generators.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The Gateway API HTTPRoute {@code v1} CEL rules that goldenpath's routes reach, each a Java predicate written from its
 * rule text (keyed by that exact text, so a changed upstream rule shows up as not checked). Defaults the API server
 * applies before CEL runs are applied here too: a path match's {@code type} is {@code PathPrefix}, a backendRef's
 * {@code group} is empty and its {@code kind} is {@code Service}.
 */
final class GatewayApiCelRules {

    /** The path characters HTTPRoute allows (RFC 3986 pchar and '/', or percent-encoded octets). */
    private static final Pattern PATH_CHARACTERS = Pattern.compile("^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$");

    private GatewayApiCelRules() {
    }

    static Map<String, Predicate<JsonNode>> rules() {
        Map<String, Predicate<JsonNode>> rules = new HashMap<>();
        rules.put("(has(self.backendRefs) && self.backendRefs.exists_one(b, (has(b.filters) && b.filters.exists_one(f, has(f.requestRedirect) && has(f.requestRedirect.path) && f.requestRedirect.path.type == 'ReplacePrefixMatch' && has(f.requestRedirect.path.replacePrefixMatch))) )) ? ((size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true) : true",
                self -> exactlyOne(self.path("backendRefs"), b -> exactlyOne(b.path("filters"), f -> replacePrefix(f, "requestRedirect"))) ? singlePathPrefixMatch(self) : true);
        rules.put("(has(self.backendRefs) && self.backendRefs.exists_one(b, (has(b.filters) && b.filters.exists_one(f, has(f.urlRewrite) && has(f.urlRewrite.path) && f.urlRewrite.path.type == 'ReplacePrefixMatch' && has(f.urlRewrite.path.replacePrefixMatch))) )) ? ((size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true) : true",
                self -> exactlyOne(self.path("backendRefs"), b -> exactlyOne(b.path("filters"), f -> replacePrefix(f, "urlRewrite"))) ? singlePathPrefixMatch(self) : true);
        rules.put("(has(self.backendRefs) && size(self.backendRefs) > 0) ? (!has(self.filters) || self.filters.all(f, !has(f.requestRedirect))): true",
                self -> self.path("backendRefs").size() == 0 || all(self.path("filters"), f -> !f.has("requestRedirect")));
        rules.put("(has(self.filters) && self.filters.exists_one(f, has(f.requestRedirect) && has(f.requestRedirect.path) && f.requestRedirect.path.type == 'ReplacePrefixMatch' && has(f.requestRedirect.path.replacePrefixMatch))) ? ((size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true) : true",
                self -> exactlyOne(self.path("filters"), f -> replacePrefix(f, "requestRedirect")) ? singlePathPrefixMatch(self) : true);
        rules.put("(has(self.filters) && self.filters.exists_one(f, has(f.urlRewrite) && has(f.urlRewrite.path) && f.urlRewrite.path.type == 'ReplacePrefixMatch' && has(f.urlRewrite.path.replacePrefixMatch))) ? ((size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true) : true",
                self -> exactlyOne(self.path("filters"), f -> replacePrefix(f, "urlRewrite")) ? singlePathPrefixMatch(self) : true);
        rules.put("(self.size() > 0 ? self[0].matches.size() : 0) + (self.size() > 1 ? self[1].matches.size() : 0) + (self.size() > 2 ? self[2].matches.size() : 0) + (self.size() > 3 ? self[3].matches.size() : 0) + (self.size() > 4 ? self[4].matches.size() : 0) + (self.size() > 5 ? self[5].matches.size() : 0) + (self.size() > 6 ? self[6].matches.size() : 0) + (self.size() > 7 ? self[7].matches.size() : 0) + (self.size() > 8 ? self[8].matches.size() : 0) + (self.size() > 9 ? self[9].matches.size() : 0) + (self.size() > 10 ? self[10].matches.size() : 0) + (self.size() > 11 ? self[11].matches.size() : 0) + (self.size() > 12 ? self[12].matches.size() : 0) + (self.size() > 13 ? self[13].matches.size() : 0) + (self.size() > 14 ? self[14].matches.size() : 0) + (self.size() > 15 ? self[15].matches.size() : 0) <= 128",
                self -> sum(self, rule -> rule.path("matches").size()) <= 128);
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('#') : true",
                self -> !prefixOrExact(self) || !value(self).contains("#"));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('%2F') : true",
                self -> !prefixOrExact(self) || !value(self).contains("%2F"));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('%2f') : true",
                self -> !prefixOrExact(self) || !value(self).contains("%2f"));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('/../') : true",
                self -> !prefixOrExact(self) || !value(self).contains("/../"));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('/./') : true",
                self -> !prefixOrExact(self) || !value(self).contains("/./"));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('//') : true",
                self -> !prefixOrExact(self) || !value(self).contains("//"));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.endsWith('/.') : true",
                self -> !prefixOrExact(self) || !value(self).endsWith("/."));
        rules.put("(self.type in ['Exact','PathPrefix']) ? !self.value.endsWith('/..') : true",
                self -> !prefixOrExact(self) || !value(self).endsWith("/.."));
        rules.put("(self.type in ['Exact','PathPrefix']) ? self.value.matches(r\"\"\"^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$\"\"\") : true",
                self -> !prefixOrExact(self) || PATH_CHARACTERS.matcher(value(self)).matches());
        rules.put("(self.type in ['Exact','PathPrefix']) ? self.value.startsWith('/') : true",
                self -> !prefixOrExact(self) || value(self).startsWith("/"));
        rules.put("(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true",
                self -> !(self.path("group").asText("").isEmpty() && self.path("kind").asText("Service").equals("Service")) || self.has("port"));
        rules.put("self.all(p1, self.all(p2, p1.group == p2.group && p1.kind == p2.kind && p1.name == p2.name && (((!has(p1.__namespace__) || p1.__namespace__ == '') && (!has(p2.__namespace__) || p2.__namespace__ == '')) || (has(p1.__namespace__) && has(p2.__namespace__) && p1.__namespace__ == p2.__namespace__ )) ? ((!has(p1.sectionName) || p1.sectionName == '') == (!has(p2.sectionName) || p2.sectionName == '')) : true))",
                self -> all(self, p1 -> all(self, p2 -> !sameParent(p1, p2) || sectionNameEmpty(p1) == sectionNameEmpty(p2))));
        rules.put("self.all(p1, self.exists_one(p2, p1.group == p2.group && p1.kind == p2.kind && p1.name == p2.name && (((!has(p1.__namespace__) || p1.__namespace__ == '') && (!has(p2.__namespace__) || p2.__namespace__ == '')) || (has(p1.__namespace__) && has(p2.__namespace__) && p1.__namespace__ == p2.__namespace__ )) && (((!has(p1.sectionName) || p1.sectionName == '') && (!has(p2.sectionName) || p2.sectionName == '')) || (has(p1.sectionName) && has(p2.sectionName) && p1.sectionName == p2.sectionName))))",
                self -> all(self, p1 -> exactlyOne(self, p2 -> sameParent(p1, p2) && sectionName(p1).equals(sectionName(p2)))));
        rules.put("self.type in ['Exact','PathPrefix'] || self.type == 'RegularExpression'",
                self -> List.of("Exact", "PathPrefix", "RegularExpression").contains(type(self)));
        return rules;
    }

    private static String type(JsonNode path) {
        return path.path("type").asText("PathPrefix");
    }

    private static String value(JsonNode path) {
        return path.path("value").asText("/");
    }

    private static boolean prefixOrExact(JsonNode path) {
        return List.of("Exact", "PathPrefix").contains(type(path));
    }

    private static boolean replacePrefix(JsonNode filter, String kind) {
        JsonNode path = filter.path(kind).path("path");
        return "ReplacePrefixMatch".equals(path.path("type").asText()) && path.has("replacePrefixMatch");
    }

    private static boolean singlePathPrefixMatch(JsonNode rule) {
        JsonNode matches = rule.path("matches");
        return matches.size() == 1 && matches.get(0).has("path") && type(matches.get(0).path("path")).equals("PathPrefix");
    }

    private static boolean sameParent(JsonNode p1, JsonNode p2) {
        return p1.path("group").asText().equals(p2.path("group").asText())
                && p1.path("kind").asText().equals(p2.path("kind").asText())
                && p1.path("name").asText().equals(p2.path("name").asText())
                && p1.path("namespace").asText("").equals(p2.path("namespace").asText(""));
    }

    private static String sectionName(JsonNode parent) {
        return parent.path("sectionName").asText("");
    }

    private static boolean sectionNameEmpty(JsonNode parent) {
        return sectionName(parent).isEmpty();
    }

    private static boolean exactlyOne(JsonNode list, Predicate<JsonNode> test) {
        return StreamSupport.stream(list.spliterator(), false).filter(test).count() == 1;
    }

    private static boolean all(JsonNode list, Predicate<JsonNode> test) {
        return StreamSupport.stream(list.spliterator(), false).allMatch(test);
    }

    private static int sum(JsonNode list, ToIntFunction<JsonNode> value) {
        return StreamSupport.stream(list.spliterator(), false).mapToInt(value).sum();
    }
}
