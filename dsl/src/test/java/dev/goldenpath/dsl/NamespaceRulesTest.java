package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.environmentNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceRulesTest {

    private static List<String> pathsOf(Platform platform) {
        return paths(p -> new NamespaceRules(platform, p).check());
    }

    @Test
    void acceptsTheDefaultNamespacePatternInEveryEnvironment() {
        Platform platform = platform(List.of(environmentNamed("prod"), environmentNamed("staging")), app(a -> a));
        assertEquals(List.of(), violations(p -> new NamespaceRules(platform, p).check()));
    }

    @Test
    void refusesNamespacesThePlatformDoesNotOwnSayingWhoDoes() {
        assertEquals(List.of("apps[api].namespace: 'argocd': namespace argocd (in prod) belongs to Argo CD, which deploys "
                        + "the platform; the app's default-deny policies and Pod Security labels would cut it off (fix: "
                        + "use a namespace of the app's own, e.g. the default pattern '{team}-{environment}')"),
                violations(p -> new NamespaceRules(platform(app(a -> a.namespace("argocd"))), p).check()));
        assertEquals(List.of("apps[api].namespace"), pathsOf(platform(app(a -> a.namespace("kube-{team}")))));
    }

    @Test
    void refusesTwoEnvironmentsPuttingTheAppInOneNamespaceOfOneCluster() {
        Platform platform = platform(List.of(environmentNamed("prod"), environmentNamed("staging")),
                app(a -> a.namespace("{team}-{app}")));
        assertEquals(List.of("apps[api].namespace"), pathsOf(platform));
    }

    @Test
    void refusesOneClusterNameForTwoServersAndOneServerTwiceInAnEnvironment() {
        Platform platform = platform(List.of(
                environment("prod").cluster(cluster("eu", "https://eu.example.com"))
                        .cluster(cluster("eu-2", "https://eu.example.com")).build(),
                environment("staging").cluster(cluster("eu", "https://staging.example.com")).build()));
        assertEquals(List.of("environments[prod].clusters[eu-2].server", "environments[staging].clusters[eu].server"),
                pathsOf(platform));
    }

    @Test
    void refusesNetworkPeersThatWouldSelectEveryPodOfTheirNamespace() {
        Platform platform = platform(List.of(), List.of(), new Network(new Network.Peer("Ingress", Map.of()),
                new Network.Peer("kube-system", Map.of("k8s-app", "-")), false), Baseline.DEFAULT);
        assertEquals(List.of("network.ingressController.namespace", "network.ingressController.podLabels",
                "network.dns.podLabels[k8s-app]"), pathsOf(platform));
    }
}
