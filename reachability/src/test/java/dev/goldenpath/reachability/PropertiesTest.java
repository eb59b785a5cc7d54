package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Laws the semantics imply, checked on random clusters and random (valid) policies from fixed seeds:
 * order independence, additivity, and the split of a verdict into an egress and an ingress half.
 */
class PropertiesTest {

    private static final int CLUSTERS = 150;

    @Test
    void policyOrderDoesNotMatter() {
        int partial = 0;
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomCluster random = new RandomCluster(seed);
            List<NetworkPolicy> policies = random.policies(6);
            List<NetworkPolicy> shuffled = new ArrayList<>(policies);
            Collections.shuffle(shuffled, new Random(seed));

            SortedSet<Edge> edges = random.edges(policies);
            assertEquals(edges, random.edges(shuffled), "seed " + seed);
            if (!edges.isEmpty() && edges.size() < random.edges(List.of()).size()) {
                partial++;
            }
        }
        assertTrue(partial > CLUSTERS * 3 / 4, "random policies should mostly allow some but not all edges: " + partial);
    }

    @Test
    void ingressPoliciesOfIsolatedPodsAreAdditive() {
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomCluster random = new RandomCluster(seed);
            List<NetworkPolicy> base = random.defaultDeny("Ingress");
            List<NetworkPolicy> first = random.policies(3, "Ingress");
            List<NetworkPolicy> second = random.policies(3, "Ingress");

            SortedSet<Edge> union = new TreeSet<>(random.edges(concat(base, first)));
            union.addAll(random.edges(concat(base, second)));

            assertEquals(union, random.edges(concat(base, first, second)), "seed " + seed);
        }
    }

    @Test
    void egressPoliciesOfIsolatedPodsAreAdditive() {
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomCluster random = new RandomCluster(seed);
            List<NetworkPolicy> base = random.defaultDeny("Egress");
            List<NetworkPolicy> first = random.policies(3, "Egress");
            List<NetworkPolicy> second = random.policies(3, "Egress");

            SortedSet<Edge> union = new TreeSet<>(random.edges(concat(base, first)));
            union.addAll(random.edges(concat(base, second)));

            assertEquals(union, random.edges(concat(base, first, second)), "seed " + seed);
        }
    }

    @Test
    void allowedGraphIsTheIntersectionOfItsEgressAndIngressHalves() {
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomCluster random = new RandomCluster(seed);
            List<NetworkPolicy> policies = random.policies(6);
            List<NetworkPolicy> ingressHalves = new ArrayList<>();
            List<NetworkPolicy> egressHalves = new ArrayList<>();
            for (NetworkPolicy policy : policies) {
                List<String> types = effectiveTypes(policy);
                if (types.contains("Ingress")) {
                    ingressHalves.add(new NetworkPolicyBuilder(policy).editSpec()
                            .withPolicyTypes("Ingress").withEgress(List.of()).endSpec().build());
                }
                if (types.contains("Egress")) {
                    egressHalves.add(new NetworkPolicyBuilder(policy).editSpec()
                            .withPolicyTypes("Egress").withIngress(List.of()).endSpec().build());
                }
            }

            SortedSet<Edge> intersection = new TreeSet<>(random.edges(ingressHalves));
            intersection.retainAll(random.edges(egressHalves));

            assertEquals(intersection, random.edges(policies), "seed " + seed);
        }
    }

    @Test
    void allowAllPoliciesRestoreFullConnectivity() {
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomCluster random = new RandomCluster(seed);
            List<NetworkPolicy> allowAll = new ArrayList<>();
            for (String namespace : random.namespaces.keySet()) {
                allowAll.add(new NetworkPolicyBuilder()
                        .withNewMetadata().withName("allow-all").withNamespace(namespace).endMetadata()
                        .withNewSpec().withNewPodSelector().endPodSelector()
                        .withPolicyTypes("Ingress", "Egress")
                        .addNewIngress().endIngress().addNewEgress().endEgress().endSpec()
                        .build());
            }

            assertEquals(random.edges(List.of()), random.edges(concat(random.policies(6), allowAll)), "seed " + seed);
        }
    }

    @Test
    void defaultDenyBothWaysLeavesNoEdgeBetweenPods() {
        for (int seed = 0; seed < 20; seed++) {
            RandomCluster random = new RandomCluster(seed);
            List<NetworkPolicy> denyAll = new ArrayList<>(random.defaultDeny("Ingress"));
            denyAll.addAll(random.defaultDeny("Egress"));

            assertTrue(random.edges(denyAll).isEmpty(), "seed " + seed);
        }
    }

    @Test
    void allowedEdgesAreExactlyThePairsAllowsAdmits() {
        // allowedEdges judges only the peers an index finds for each isolated pod's ingress rules: it must still
        // list every pair that allows() admits, for selectors by label, by expression, by namespace and ipBlocks.
        int checked = 0;
        for (int seed = 0; seed < CLUSTERS; seed++) {
            Reachability reachability = new RandomCluster(seed).reachability(new RandomCluster(seed).policies(8));
            List<Endpoint> endpoints = new ArrayList<>(reachability.pods());
            endpoints.addAll(reachability.externals());
            SortedSet<Edge> pairs = new java.util.TreeSet<>();
            for (Endpoint source : endpoints) {
                for (Endpoint destination : endpoints) {
                    if (source.id().equals(destination.id()) || !(source instanceof Pod || destination instanceof Pod)) {
                        continue;
                    }
                    for (Port port : destination.ports()) {
                        if (reachability.allows(source, destination, port.number(), port.protocol())) {
                            pairs.add(new Edge(source.id(), destination.id(), port.number(), port.protocol()));
                        }
                    }
                }
            }
            assertEquals(pairs, reachability.allowedEdges(), "seed " + seed);
            checked += pairs.size();
        }
        assertTrue(checked > 0, "the random clusters allow some edges");
    }

    private static List<String> effectiveTypes(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        return egress != null && !egress.isEmpty() ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    @SafeVarargs
    private static List<NetworkPolicy> concat(List<NetworkPolicy>... lists) {
        List<NetworkPolicy> all = new ArrayList<>();
        for (List<NetworkPolicy> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** A random cluster of 4 namespaces x 3 pods and 2 external addresses, and random policies for it. */
    private static final class RandomCluster {

        private static final List<Port> PORTS = List.of(Port.named("http", 8080, Protocol.TCP),
                Port.named("dns", 53, Protocol.UDP), Port.named("metrics", 9090, Protocol.TCP),
                Port.of(5432, Protocol.TCP));

        private final Random random;
        private final Map<String, Map<String, String>> namespaces = new HashMap<>();
        private final List<Pod> pods = new ArrayList<>();
        private int policyCount;

        RandomCluster(long seed) {
            random = new Random(seed);
            for (int n = 0; n < 4; n++) {
                Map<String, String> labels = new HashMap<>();
                maybePut(labels, "team", "a", "b");
                maybePut(labels, "env", "prod", "dev");
                namespaces.put("ns" + n, labels);
                for (int p = 0; p < 3; p++) {
                    Map<String, String> podLabels = new HashMap<>();
                    maybePut(podLabels, "app", "x", "y", "z");
                    maybePut(podLabels, "tier", "front", "back");
                    Pod pod = Endpoint.pod("ns" + n, "pod" + p, podLabels).ip("10." + n + ".0." + (p + 1));
                    for (Port port : PORTS) {
                        if (random.nextBoolean()) {
                            pod = pod.port(port);
                        }
                    }
                    pods.add(pod);
                }
            }
        }

        SortedSet<Edge> edges(List<NetworkPolicy> policies) {
            return reachability(policies).allowedEdges();
        }

        Reachability reachability(List<NetworkPolicy> policies) {
            Reachability.Builder builder = Reachability.builder();
            namespaces.forEach(builder::namespace);
            return builder.pods(pods)
                    .external(Endpoint.external("203.0.113.1").port(443, Protocol.TCP))
                    .external(Endpoint.external("203.0.113.130").port(443, Protocol.TCP).port(53, Protocol.UDP))
                    .policies(policies)
                    .build();
        }

        List<NetworkPolicy> defaultDeny(String type) {
            List<NetworkPolicy> policies = new ArrayList<>();
            for (String namespace : namespaces.keySet()) {
                policies.add(new NetworkPolicyBuilder()
                        .withNewMetadata().withName("deny-" + type.toLowerCase()).withNamespace(namespace).endMetadata()
                        .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes(type).endSpec()
                        .build());
            }
            return policies;
        }

        /** {@code count} random policies with random (possibly absent) policyTypes. */
        List<NetworkPolicy> policies(int count) {
            return policies(count, null);
        }

        /** {@code count} random policies with only {@code type} rules and policyTypes, or any when null. */
        List<NetworkPolicy> policies(int count, String type) {
            List<NetworkPolicy> policies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String namespace = "ns" + random.nextInt(4);
                List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
                List<NetworkPolicyEgressRule> egress = new ArrayList<>();
                if (!"Egress".equals(type)) {
                    for (int r = random.nextInt(3); r > 0; r--) {
                        ingress.add(new NetworkPolicyIngressRule(peers(), ports()));
                    }
                }
                if (!"Ingress".equals(type)) {
                    for (int r = random.nextInt(3); r > 0; r--) {
                        egress.add(new NetworkPolicyEgressRule(ports(), peers()));
                    }
                }
                List<String> types = type != null ? List.of(type)
                        : List.of(List.<String>of(), List.of("Ingress"), List.of("Egress"), List.of("Ingress", "Egress"))
                                .get(random.nextInt(4));
                policies.add(new NetworkPolicyBuilder()
                        .withNewMetadata().withName("p" + policyCount++).withNamespace(namespace).endMetadata()
                        .withNewSpec()
                        .withPodSelector(random.nextInt(3) == 0 ? new LabelSelector() : selector(this::podLabel))
                        .withPolicyTypes(types)
                        .withIngress(ingress)
                        .withEgress(egress)
                        .endSpec()
                        .build());
            }
            return policies;
        }

        private List<NetworkPolicyPeer> peers() {
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                return peers;
            }
            for (int p = 1 + random.nextInt(2); p > 0; p--) {
                NetworkPolicyPeer peer = new NetworkPolicyPeer();
                switch (random.nextInt(4)) {
                    case 0 -> peer.setPodSelector(selector(this::podLabel));
                    case 1 -> peer.setNamespaceSelector(selector(this::namespaceLabel));
                    case 2 -> {
                        peer.setPodSelector(selector(this::podLabel));
                        peer.setNamespaceSelector(selector(this::namespaceLabel));
                    }
                    default -> peer.setIpBlock(random.nextBoolean()
                            ? new IPBlock("203.0.113.0/24", random.nextBoolean() ? List.of("203.0.113.128/25") : List.of())
                            : new IPBlock("10.0.0.0/8", random.nextBoolean() ? List.of("10.1.0.0/16") : List.of()));
                }
                peers.add(peer);
            }
            return peers;
        }

        private List<NetworkPolicyPort> ports() {
            List<NetworkPolicyPort> ports = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                return ports;
            }
            for (int p = 1 + random.nextInt(2); p > 0; p--) {
                NetworkPolicyPort port = new NetworkPolicyPort();
                switch (random.nextInt(5)) {
                    case 0 -> port.setPort(new IntOrString(List.of(8080, 53, 9090, 5432, 443).get(random.nextInt(5))));
                    case 1 -> {
                        port.setPort(new IntOrString(50));
                        port.setEndPort(60 + random.nextInt(10000));
                    }
                    case 2 -> port.setPort(new IntOrString(List.of("http", "dns", "metrics").get(random.nextInt(3))));
                    case 3 -> port.setProtocol("UDP");
                    default -> port.setPort(new IntOrString(443));
                }
                if (port.getProtocol() == null && random.nextInt(3) == 0) {
                    port.setProtocol(random.nextBoolean() ? "UDP" : "TCP");
                }
                ports.add(port);
            }
            return ports;
        }

        private LabelSelector selector(Function<Boolean, String[]> label) {
            LabelSelector selector = new LabelSelector();
            switch (random.nextInt(4)) {
                case 0 -> {
                    // {}: everything
                }
                case 1 -> {
                    String[] pair = label.apply(true);
                    selector.setMatchLabels(Map.of(pair[0], pair[1]));
                }
                default -> {
                    String[] pair = label.apply(true);
                    String operator = List.of("In", "NotIn", "Exists", "DoesNotExist").get(random.nextInt(4));
                    List<String> values = operator.endsWith("In") ? List.of(pair[1]) : List.of();
                    selector.setMatchExpressions(List.of(new LabelSelectorRequirement(pair[0], operator, values)));
                }
            }
            return selector;
        }

        private String[] podLabel(boolean unused) {
            return random.nextBoolean()
                    ? new String[] {"app", List.of("x", "y", "z").get(random.nextInt(3))}
                    : new String[] {"tier", random.nextBoolean() ? "front" : "back"};
        }

        private String[] namespaceLabel(boolean unused) {
            return switch (random.nextInt(3)) {
                case 0 -> new String[] {"team", random.nextBoolean() ? "a" : "b"};
                case 1 -> new String[] {"env", random.nextBoolean() ? "prod" : "dev"};
                default -> new String[] {Reachability.NAMESPACE_NAME_LABEL, "ns" + random.nextInt(4)};
            };
        }

        private void maybePut(Map<String, String> labels, String key, String... values) {
            if (random.nextInt(4) != 0) {
                labels.put(key, values[random.nextInt(values.length)]);
            }
        }
    }
}
