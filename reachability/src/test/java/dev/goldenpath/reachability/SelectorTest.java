package dev.goldenpath.reachability;

import static dev.goldenpath.reachability.Fixtures.cluster;
import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** LabelSelector matching: matchLabels AND matchExpressions, with the four operators. */
class SelectorTest {

    private static final Pod TARGET = Endpoint.pod("web", "target", Map.of("app", "target")).port(80, TCP);
    private static final List<Pod> CANDIDATES = List.of(
            Endpoint.pod("web", "a", Map.of("env", "prod", "tier", "web")),
            Endpoint.pod("web", "b", Map.of("env", "staging", "tier", "web")),
            Endpoint.pod("web", "c", Map.of("env", "dev")),
            Endpoint.pod("web", "d", Map.of("tier", "web")),
            Endpoint.pod("web", "e", Map.of()));

    /** The names of the candidates the {@code podSelector} YAML admits into TARGET. */
    private static String admitted(String podSelector) {
        Reachability reachability = cluster("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: target-ingress, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: target}}
                  ingress:
                  - from:
                    - podSelector:
                %s
                """.formatted(podSelector.indent(8).stripTrailing()));
        return CANDIDATES.stream()
                .filter(pod -> reachability.allows(pod, TARGET, 80, TCP))
                .map(Pod::name)
                .collect(Collectors.joining(","));
    }

    @Test
    void matchLabelsRequiresEveryPair() {
        assertEquals("a", admitted("matchLabels: {env: prod, tier: web}"));
    }

    @Test
    void matchLabelsAndMatchExpressionsMustAllHold() {
        assertEquals("b", admitted("""
                matchLabels: {tier: web}
                matchExpressions:
                - {key: env, operator: In, values: [staging, dev]}
                """));
    }

    @Test
    void inRequiresThePresentValueToBeListed() {
        assertEquals("a,c", admitted("matchExpressions: [{key: env, operator: In, values: [prod, dev]}]"));
    }

    @Test
    void notInAlsoMatchesPodsWithoutTheLabel() {
        assertEquals("b,d,e", admitted("matchExpressions: [{key: env, operator: NotIn, values: [prod, dev]}]"));
    }

    @Test
    void existsRequiresTheKeyWhateverItsValue() {
        assertEquals("a,b,c", admitted("matchExpressions: [{key: env, operator: Exists}]"));
    }

    @Test
    void doesNotExistRequiresTheKeyToBeAbsent() {
        assertEquals("d,e", admitted("matchExpressions: [{key: env, operator: DoesNotExist}]"));
    }

    @Test
    void severalExpressionsAreAnded() {
        assertEquals("d", admitted("""
                matchExpressions:
                - {key: tier, operator: Exists}
                - {key: env, operator: DoesNotExist}
                """));
    }

    @Test
    void emptySelectorMatchesEveryPod() {
        assertEquals("a,b,c,d,e", admitted("{}"));
    }
}
