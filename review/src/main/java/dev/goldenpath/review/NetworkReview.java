package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.reachability.Port;
import dev.goldenpath.vocabulary.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Edges allowed before and after, per environment: those added widen, those removed narrow. */
final class NetworkReview {

    private NetworkReview() {
    }

    static List<Change> between(Map<String, List<Manifest>> base, Map<String, List<Manifest>> head, List<String> problems) {
        List<Change> changes = new ArrayList<>();
        Set<String> environments = new TreeSet<>(base.keySet());
        environments.addAll(head.keySet());
        for (String environment : environments) {
            List<Manifest> before = base.getOrDefault(environment, List.of());
            List<Manifest> after = head.getOrDefault(environment, List.of());
            List<Manifest> policies = new ArrayList<>();
            for (List<Manifest> side : List.of(before, after)) {
                side.stream().filter(m -> m.kind().equals("NetworkPolicy")).forEach(policies::add);
            }
            Map<String, String> blocks = blocks(policies);
            NetworkGraph.ExternalPorts ports = externalPorts(policies);
            String where = environment.isEmpty() ? "" : " " + environment;
            SortedMap<String, String> was = NetworkGraph.edges("base" + where, before, blocks, ports, problems);
            SortedMap<String, String> is = NetworkGraph.edges("head" + where, after, blocks, ports, problems);
            is.forEach((edge, path) -> {
                if (!was.containsKey(edge)) {
                    changes.add(new Change(Section.NETWORK, "edge-added", '+', Impact.WIDENS, environment, edge, edge, path));
                }
            });
            was.forEach((edge, path) -> {
                if (!is.containsKey(edge)) {
                    changes.add(new Change(Section.NETWORK, "edge-removed", '-', Impact.NARROWS, environment, edge, edge, path));
                }
            });
        }
        return changes;
    }

    /** Every distinct ipBlock of the policies, by its name in edges, with an address inside it. */
    private static Map<String, String> blocks(List<Manifest> policies) {
        Map<String, String> blocks = new TreeMap<>();
        for (Manifest policy : policies) {
            for (JsonNode peer : peers(policy)) {
                JsonNode block = peer.get("ipBlock");
                if (block == null || !block.path("cidr").isTextual()) {
                    continue;
                }
                List<String> except = new ArrayList<>();
                block.path("except").forEach(hole -> except.add(hole.asText()));
                String cidr = block.get("cidr").asText();
                Externals.representative(cidr, except).ifPresent(ip -> blocks.putIfAbsent(Externals.name(cidr, except), ip));
            }
        }
        return blocks;
    }

    private static List<JsonNode> peers(Manifest policy) {
        List<JsonNode> peers = new ArrayList<>();
        JsonNode spec = policy.body().path("spec");
        spec.path("ingress").forEach(rule -> rule.path("from").forEach(peers::add));
        spec.path("egress").forEach(rule -> rule.path("to").forEach(peers::add));
        return peers;
    }

    /**
     * The ports egress rules name, and a probe: the lowest port no rule of any policy names (nor covers with a
     * range), where only rules without a port list, or no isolation at all, can allow a connection.
     */
    private static NetworkGraph.ExternalPorts externalPorts(List<Manifest> policies) {
        Set<Port> named = new TreeSet<>();
        BitSet mentioned = new BitSet(65536);
        for (Manifest policy : policies) {
            JsonNode spec = policy.body().path("spec");
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : spec.path(direction)) {
                    for (JsonNode port : rule.path("ports")) {
                        JsonNode number = port.get("port");
                        if (number == null || !number.canConvertToInt() || number.isTextual()) {
                            continue;
                        }
                        int from = number.asInt();
                        int to = port.path("endPort").asInt(from);
                        if (from < 1 || from > 65535 || to < from || to > 65535) {
                            continue; // the evaluator reports it
                        }
                        mentioned.set(from, to + 1);
                        if (direction.equals("egress")) {
                            try {
                                Protocol protocol = Protocol.of(port.hasNonNull("protocol") ? port.get("protocol").asText() : null);
                                named.add(Port.of(from, protocol));
                                if (to != from) {
                                    named.add(Port.of(to, protocol));
                                }
                            } catch (IllegalArgumentException e) {
                                // a bad protocol: the evaluator reports it
                            }
                        }
                    }
                }
            }
        }
        int probe = mentioned.nextClearBit(1);
        if (probe > 65535) {
            return new NetworkGraph.ExternalPorts(List.copyOf(named), -1);
        }
        List<Port> ports = new ArrayList<>(named);
        ports.add(Port.of(probe, Protocol.TCP));
        ports.add(Port.of(probe, Protocol.UDP));
        return new NetworkGraph.ExternalPorts(List.copyOf(ports), probe);
    }
}
