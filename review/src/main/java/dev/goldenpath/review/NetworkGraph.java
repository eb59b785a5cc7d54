package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.goldenpath.reachability.Direction;
import dev.goldenpath.reachability.Endpoint;
import dev.goldenpath.reachability.External;
import dev.goldenpath.reachability.Pod;
import dev.goldenpath.reachability.Port;
import dev.goldenpath.vocabulary.Protocol;
import dev.goldenpath.reachability.Reachability;
import dev.goldenpath.reachability.ReachabilityException;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The connections one environment of one tree allows, computed by the reachability evaluator from the
 * NetworkPolicies themselves. Endpoints: every pod a workload creates (named {@code namespace/workload}), and every
 * ipBlock named by a policy of either tree. Ports: each pod's container ports; for ipBlocks, every port an egress
 * rule names, plus one port that no rule names, shown as {@code any} (allowed there means allowed on every port no
 * rule names).
 *
 * <p>Linear in the tree: the evaluator is asked only about pairs that some policy could allow, found through a
 * {@link LabelIndex} from the peers of the rules of the policies that may select each pod. Pods a policy does not
 * isolate are the exception: every pod may reach them, and all those pairs are asked.
 */
final class NetworkGraph {

    static final String DEFAULT_NAMESPACE = "default";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Ports of the outside world: those egress rules name, and the probe standing for "any other port". */
    record ExternalPorts(List<Port> ports, int probe) {
    }

    private NetworkGraph() {
    }

    /**
     * Every allowed edge ({@code a -> b 5432/TCP}) with the file that declares its destination (its source, for the
     * outside world). Problems (policies the API server would reject) are added to {@code problems}.
     */
    static SortedMap<String, String> edges(String label, List<Manifest> objects, Map<String, String> blocks,
                                           ExternalPorts externalPorts, List<String> problems) {
        Map<String, Map<String, String>> namespaces = new TreeMap<>();
        Map<String, Pod> pods = new LinkedHashMap<>();
        Map<String, String> paths = new HashMap<>();
        List<Manifest> policies = new ArrayList<>();
        for (Manifest manifest : objects) {
            if (manifest.kind().equals("Namespace") && manifest.group().isEmpty()) {
                namespaces.put(manifest.name(), manifest.labels());
            } else if (manifest.kind().equals("NetworkPolicy") && manifest.group().equals("networking.k8s.io")) {
                policies.add(manifest);
            }
        }
        for (Manifest manifest : objects) {
            PodTemplates.of(manifest).ifPresent(template -> {
                try {
                    Pod pod = pod(namespace(manifest), manifest.name(), template);
                    if (pods.putIfAbsent(pod.id(), pod) == null) {
                        paths.put(pod.id(), manifest.path());
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(label + " " + manifest.path() + ": " + manifest.id() + ": " + e.getMessage());
                }
            });
        }
        Reachability.Builder builder = Reachability.builder();
        pods.values().forEach(pod -> namespaces.putIfAbsent(pod.namespace(), Map.of()));
        policies.forEach(policy -> namespaces.putIfAbsent(namespace(policy), Map.of()));
        namespaces.forEach(builder::namespace);
        builder.pods(pods.values());
        List<External> externals = new ArrayList<>();
        blocks.forEach((name, ip) -> externals.add(Endpoint.external(ip).named(name)));
        externals.forEach(builder::external);
        for (Manifest policy : policies) {
            try {
                builder.policy(JSON.convertValue(policy.body(), NetworkPolicy.class));
            } catch (IllegalArgumentException e) {
                problems.add(label + " " + policy.path() + ": " + policy.id() + ": " + e.getMessage());
            }
        }
        Reachability reachability;
        try {
            reachability = builder.build();
        } catch (ReachabilityException e) {
            e.problems().forEach(problem -> problems.add(label + ": " + problem));
            return new TreeMap<>();
        }
        return new Finder(reachability, policies, paths, externalPorts).edges();
    }

    static String namespace(Manifest manifest) {
        return manifest.namespace().isEmpty() ? DEFAULT_NAMESPACE : manifest.namespace();
    }

    /** A pod as the template creates it: its labels and the container ports of every container. */
    private static Pod pod(String namespace, String name, JsonNode template) {
        Pod pod = Endpoint.pod(namespace, name, Manifest.strings(template.path("metadata").path("labels")));
        JsonNode spec = template.path("spec");
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : spec.path(containers)) {
                for (JsonNode port : container.path("ports")) {
                    Protocol protocol = Protocol.of(port.hasNonNull("protocol") ? port.get("protocol").asText() : null);
                    pod = pod.port(new Port(port.path("name").asText(""), port.path("containerPort").asInt(0), protocol));
                }
            }
        }
        return pod;
    }

    /** Finds the candidate pairs and asks the evaluator about each. */
    private static final class Finder {

        private final Reachability reachability;
        private final LabelIndex index;
        private final Map<String, String> paths;
        private final ExternalPorts externalPorts;
        private final Map<String, List<Manifest>> policiesOf = new HashMap<>();
        private final Map<String, Set<Pod>> egressCandidates = new HashMap<>();
        private final List<Pod> egressOpen = new ArrayList<>();
        private final List<Pod> egressAnywhere = new ArrayList<>();
        private final SortedMap<String, String> edges = new TreeMap<>();

        Finder(Reachability reachability, List<Manifest> policies, Map<String, String> paths, ExternalPorts externalPorts) {
            this.reachability = reachability;
            this.index = new LabelIndex(reachability.pods(), reachability.namespaces());
            this.paths = paths;
            this.externalPorts = externalPorts;
            for (Manifest policy : policies) {
                for (Pod pod : index.podsIn(namespace(policy), policy.body().path("spec").get("podSelector"))) {
                    policiesOf.computeIfAbsent(pod.id(), key -> new ArrayList<>()).add(policy);
                }
            }
        }

        SortedMap<String, String> edges() {
            for (Pod source : reachability.pods()) {
                if (!reachability.isolation(source).contains(Direction.EGRESS)) {
                    egressOpen.add(source);
                    continue;
                }
                for (Manifest policy : policiesOf.getOrDefault(source.id(), List.of())) {
                    for (JsonNode rule : policy.body().path("spec").path("egress")) {
                        if (rule.path("to").isEmpty()) {
                            egressAnywhere.add(source);
                        }
                        for (Endpoint target : peers(policy, rule.path("to"))) {
                            egressCandidates.computeIfAbsent(target.id(), key -> new LinkedHashSet<>()).add(source);
                        }
                    }
                }
            }
            for (Pod destination : reachability.pods()) {
                Set<Endpoint> sources = new LinkedHashSet<>();
                if (reachability.isolation(destination).contains(Direction.INGRESS)) {
                    for (Manifest policy : policiesOf.getOrDefault(destination.id(), List.of())) {
                        for (JsonNode rule : policy.body().path("spec").path("ingress")) {
                            if (rule.path("from").isEmpty()) {
                                sources.addAll(reachability.pods());
                                sources.addAll(reachability.externals());
                            }
                            sources.addAll(peers(policy, rule.path("from")));
                        }
                    }
                } else {
                    sources.addAll(reachability.externals());
                    sources.addAll(egressSources(destination));
                }
                Map<String, Port> ports = new TreeMap<>();
                destination.ports().forEach(port -> ports.putIfAbsent(port.number() + "/" + port.protocol(), port));
                for (Endpoint source : sources) {
                    if (!source.id().equals(destination.id())) {
                        for (Port port : ports.values()) {
                            ask(source, destination, port, paths.get(destination.id()));
                        }
                    }
                }
            }
            for (External destination : reachability.externals()) {
                for (Pod source : egressSources(destination)) {
                    for (Port port : externalPorts.ports()) {
                        ask(source, destination, port, paths.get(source.id()));
                    }
                }
            }
            return edges;
        }

        private Set<Pod> egressSources(Endpoint destination) {
            Set<Pod> sources = new LinkedHashSet<>(egressOpen);
            sources.addAll(egressAnywhere);
            sources.addAll(egressCandidates.getOrDefault(destination.id(), Set.of()));
            return sources;
        }

        private void ask(Endpoint source, Endpoint destination, Port port, String path) {
            if (reachability.allows(source, destination, port.number(), port.protocol())) {
                String number = port.number() == externalPorts.probe() && destination instanceof External
                        ? "any" : String.valueOf(port.number());
                edges.put(source.id() + " -> " + destination.id() + " " + number + "/" + port.protocol(),
                        path == null ? "" : path);
            }
        }

        /** Endpoints the peers of one rule may match; an ipBlock may match any outside address. */
        private List<Endpoint> peers(Manifest policy, JsonNode peers) {
            List<Endpoint> matched = new ArrayList<>();
            for (JsonNode peer : peers) {
                if (peer.has("ipBlock")) {
                    matched.addAll(reachability.externals());
                } else {
                    matched.addAll(index.peerPods(namespace(policy), peer));
                }
            }
            return matched;
        }
    }
}
