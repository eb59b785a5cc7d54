package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.maxUnavailable;
import static dev.goldenpath.dsl.GoldenPath.minAvailable;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.Specs.violation;
import static dev.goldenpath.dsl.Specs.violations;
import static dev.goldenpath.dsl.Specs.withApp;
import static dev.goldenpath.dsl.Specs.withPlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Specs that Kubernetes would accept but that render something broken or insecure. */
class BrokenButAcceptedTest {

    private static final String REASON = "vendor image needs it; SEC-7 approved by security";

    @ParameterizedTest
    @ValueSource(strings = {"kube-system", "kube-public", "kube-node-lease", "default", "argocd", "gatekeeper-system",
            "kyverno", "falco", "trivy", "cosign-system", "istio-system", "ingress-nginx", "kube-anything"})
    void refusesNamespacesThePlatformDoesNotOwn(String namespace) {
        Violation v = violation(withApp(a -> a.namespace(namespace)), "apps[api].namespace", "belongs to");
        assertEquals(namespace, v.value());
    }

    @Test
    void refusesEnvironmentTemplatesThatResolveToAReservedNamespace() {
        violation(withPlatform(p -> p.environment(environment("default").apiServer(6443, "10.20.0.10/32").cluster("https://other.example.com")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080).namespace("{environment}")),
                "apps[api].namespace", "belongs to Kubernetes");
        violation(withPlatform(p -> p.argocdNamespace("gitops")).app(app("api").team("payments").image(Specs.IMAGE)
                .port(8080).namespace("gitops")), "apps[api].namespace", "Argo CD");
    }

    @Test
    void refusesTwoEnvironmentsDeployingTheAppToTheSameClusterAndNamespace() {
        Platform.Builder spec = withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080).namespace("payments"));
        Violation v = violation(spec, "apps[api].namespace", "fight over one Deployment");
        assertEquals("payments", v.value());
        // The default pattern includes the environment, so the same cluster is fine.
        withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc")))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)).build();
    }

    @Test
    void refusesOneClusterNameForTwoServersAndOneServerTwiceInAnEnvironment() {
        violation(withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster(cluster("prod", "https://stage.example.com"))))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "environments[stage].clusters[prod].server", "one cluster per name");
        violation(withPlatform(p -> p.environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster(cluster("a", "https://s.example.com"))
                        .cluster(cluster("b", "https://s.example.com"))))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "environments[stage].clusters[b].server", "same server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0"})
    void egressToEveryAddressOnEveryPortNeedsAWeakening(String everything) {
        Violation v = violation(withApp(a -> a.callsExternal(cidr(everything).allPorts())), "apps[api].callsExternal[" + everything + "]",
                "every address on every port");
        assertTrue(v.hint().contains("EGRESS_TO_ANYWHERE"));
        withApp(a -> a.callsExternal(cidr(everything).allPorts()).weaken(Weakening.EGRESS_TO_ANYWHERE, REASON)).build();
        withApp(a -> a.callsExternal(cidr(everything).ports(443))).build();
    }

    @Test
    void anUnusedWeakeningIsReported() {
        violation(withApp(a -> a.weaken(Weakening.EGRESS_TO_ANYWHERE, REASON)), "apps[api].weakenings[EGRESS_TO_ANYWHERE]",
                "unused");
        violation(withApp(a -> a.weaken(Weakening.RUN_AS_ROOT, REASON)), "apps[api].weakenings[RUN_AS_ROOT]", "unused");
        withApp(a -> a.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, REASON)).build();
    }

    @Test
    void theEgressWeakeningNamesNoLintRule() {
        assertEquals(List.of("egress-anywhere"), Weakening.EGRESS_TO_ANYWHERE.ruleIds());
        assertTrue(Weakening.EGRESS_TO_ANYWHERE.lintRuleIds().isEmpty());
        assertEquals(Weakening.RUN_AS_ROOT.ruleIds(), Weakening.RUN_AS_ROOT.lintRuleIds());
    }

    @Test
    void refusesDisruptionBudgetsThatCanNeverAllowAnEviction() {
        Violation v = violation(withApp(a -> a.replicas(3).disruptionBudget(minAvailable("5"))), "apps[api].disruptionBudget",
                "can never be met");
        assertEquals("minAvailable 5", v.value());
        violation(withApp(a -> a.replicas(3).disruptionBudget(minAvailable("3"))), "apps[api].disruptionBudget", "never allows");
        violation(withApp(a -> a.replicas(3).disruptionBudget(minAvailable("100%"))), "apps[api].disruptionBudget", "never allows");
        violation(withApp(a -> a.replicas(2).disruptionBudget(minAvailable("60%"))), "apps[api].disruptionBudget", "never allows");
        violation(withApp(a -> a.replicas(3).disruptionBudget(minAvailable("150%"))), "apps[api].disruptionBudget", "0% to 100%");
        violation(withApp(a -> a.autoscale(2, 10, 70).disruptionBudget(minAvailable("2"))), "apps[api].disruptionBudget",
                "autoscaler's minimum");
        violation(withApp(a -> a.replicas(3).in("prod", o -> o.replicas(2)).disruptionBudget(minAvailable("2"))),
                "apps[api].disruptionBudget", "with 2 pods in prod");
        violation(withApp(a -> a.replicas(3).disruptionBudget(maxUnavailable("0"))), "apps[api].disruptionBudget", "no disruption");
        withApp(a -> a.replicas(3).disruptionBudget(minAvailable("2"))).build();
        withApp(a -> a.replicas(4).disruptionBudget(minAvailable("50%"))).build();
        // One replica renders no budget at all.
        withApp(a -> a.replicas(1).disruptionBudget(minAvailable("1"))).build();
    }

    @Test
    void refusesAnEmptyIngressControllerSelector() {
        violation(withPlatform(p -> p.ingressController("ingress", Map.of()))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)),
                "network.ingressController.podLabels", "select every pod");
        violation(withPlatform(p -> p.dns("kube-system", Map.of()))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "network.dns.podLabels", "select every pod");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kubernetes.io/arch", "node.kubernetes.io/instance-type", "k8s.io/x", "sigs.k8s.io/x",
            "goldenpath.dev/owner-contact", "policy.goldenpath.dev/x", "app.kubernetes.io/component"})
    void refusesLabelsAndAnnotationsUnderReservedPrefixes(String key) {
        violation(withApp(a -> a.label(key, "x")), "apps[api].labels[" + key + "]", "belongs to");
        violation(withApp(a -> a.annotation(key, "x")), "apps[api].annotations[" + key + "]", "belongs to");
    }

    @Test
    void refusesGeneratedLabelsAndExceptionAnnotations() {
        violation(withApp(a -> a.label("app.kubernetes.io/name", "spoof")), "apps[api].labels[app.kubernetes.io/name]",
                "set by goldenpath");
        violation(withApp(a -> a.annotation("weakening.goldenpath.dev/probes", "x")),
                "apps[api].annotations[weakening.goldenpath.dev/probes]", "declared weakenings");
        // Node selectors legitimately use Kubernetes' well-known node labels.
        withApp(a -> a.nodeSelector("kubernetes.io/arch", "arm64")).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\there", "nul\u0000", "bell\u0007", "sep\u2028x", "bidi\u202Eevil"})
    void refusesControlCharactersInAnyString(String text) {
        Violation v = violation(withApp(a -> a.weaken(Weakening.NO_PROBES, "reason long enough " + text).withoutDns()
                        .calledByIngressController(allPorts())),
                "apps[api].weakenings[NO_PROBES].reason", "character");
        assertFalse(v.value().chars().anyMatch(c -> c < 0x20 || c == 0x2028 || c == 0x202E), v::value);
        violation(withPlatform(p -> p.team(team("web").owner("web@example.com" + text)))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "teams[web].owner", "character");
    }

    @Test
    void multiLineEnvValuesAndAnnotationValuesAreFine() {
        withApp(a -> a.env("CONFIG", "a: 1\nb: 2\n").annotation("example.com/note", "one\ntwo")).build();
    }

    @Test
    void refusesVeryLongStrings() {
        violation(withPlatform(p -> p.team(team("web").owner("x".repeat(5000))))
                .app(app("api").team("payments").image(Specs.IMAGE).port(8080)), "teams[web].owner", "more than the 4096");
    }

    @Test
    void refusesAmountsThatCannotBeMeant() {
        Violation bytes = violation(withApp(a -> a.resources(GoldenPath.requests("100m", "128"), GoldenPath.limits("500m", "256Mi"))),
                "apps[api].resources.requests.memory", "less than 4Mi");
        assertTrue(bytes.hint().contains("128Mi"), bytes::hint);
        violation(withApp(a -> a.resources(GoldenPath.requests("0.0001", "64Mi"), GoldenPath.limits("500m", "128Mi"))),
                "apps[api].resources.requests.cpu", "millicores");
        violation(withApp(a -> a.resources(GoldenPath.requests("100m", "64Mi"), GoldenPath.limits("2000", "128Mi"))),
                "apps[api].resources.limits.cpu", "1024 cores");
        violation(withApp(a -> a.resources(GoldenPath.requests("100m", "64Mi"), GoldenPath.limits("1", "100Ti"))),
                "apps[api].resources.limits.memory", "64Ti");
        violation(withApp(a -> a.writablePath("/tmp", "100Pi")), "apps[api].writablePaths[/tmp].sizeLimit", "64Ti");
    }

    @Test
    void refusesDuplicatePortsOnEdges() {
        violation(withApp(a -> a.calledByIngressController(8080, 8080)), "apps[api].calledByIngressController.ports", "twice");
    }

    @Test
    void allOfThemAreReportedTogether() {
        List<Violation> all = violations(withApp(a -> a.namespace("kube-system").callsExternal(cidr("0.0.0.0/0").allPorts())
                .label("kubernetes.io/x", "y").replicas(3).disruptionBudget(minAvailable("3"))));
        assertEquals(4, all.size(), all::toString);
    }
}
