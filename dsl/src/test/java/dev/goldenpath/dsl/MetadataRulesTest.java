package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.appNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetadataRulesTest {

    private static List<String> pathsOf(App app) {
        return paths(p -> new MetadataRules(platform(app), p).app(app, FieldPath.app(app.name())));
    }

    @Test
    void checksLabelKeysAndValuesAsKubernetesDoes() {
        FieldPath selector = API.field("nodeSelector");
        assertEquals(List.of(), violations(p -> new MetadataRules(platform(), p).labels(selector,
                Map.of("kubernetes.io/arch", "amd64", "example.com/tier", ""))));
        assertEquals(List.of(
                "apps[api].nodeSelector[-tier]: '-tier': label key: the name part may hold letters, digits, '-', '_' and "
                        + "'.', starting and ending with a letter or digit (fix: use e.g. 'tier' or 'example.com/tier')",
                "apps[api].nodeSelector[tier]: 'a b': a label value may hold letters, digits, '-', '_' and '.', starting "
                        + "and ending with a letter or digit (fix: shorten or simplify the value)"),
                violations(p -> new MetadataRules(platform(), p).labels(selector,
                        new TreeMap<>(Map.of("-tier", "ok", "tier", "a b")))));
    }

    @Test
    void acceptsLabelsAndAnnotationsUnderTheUsersOwnPrefix() {
        assertEquals(List.of(), pathsOf(app(a -> a.label("example.com/tier", "web").annotation("example.com/note", "hi"))));
    }

    @Test
    void refusesKeysThatSpoofWhatThePlatformSetsOrReads() {
        App app = app(a -> a.label("app", "x").label("app.kubernetes.io/component", "x")
                .annotation("weakening.goldenpath.dev/RUN_AS_ROOT", "x")
                .annotation("container.apparmor.security.beta.kubernetes.io/api", "unconfined"));
        assertEquals(List.of("apps[api].labels[app]", "apps[api].labels[app.kubernetes.io/component]",
                "apps[api].annotations[container.apparmor.security.beta.kubernetes.io/api]",
                "apps[api].annotations[weakening.goldenpath.dev/RUN_AS_ROOT]"), pathsOf(app));
    }

    @Test
    void findsTheReservedDomainOfAKeyAndItsSubdomains() {
        assertEquals(Optional.of("node.kubernetes.io"), MetadataRules.reservedDomain("node.kubernetes.io/role"));
        assertEquals(Optional.of("k8s.io"), MetadataRules.reservedDomain("K8S.io/x"));
        assertEquals(Optional.empty(), MetadataRules.reservedDomain("notkubernetes.io/x"));
        assertEquals(Optional.empty(), MetadataRules.reservedDomain("tier"));
    }

    @Test
    void refusesNamesDerivedFromTheAppsNameThatExceedTheirLimits() {
        App app = appNamed("a".repeat(60)).port(8080).permissions(read("nodes").clusterWide())
                .roleName("r".repeat(250)).build();
        assertEquals(List.of("apps[" + "a".repeat(60) + "].name", "apps[" + "a".repeat(60) + "].roleName"), pathsOf(app));
    }
}
