package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import dev.goldenpath.vocabulary.Cidr;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A NetworkPolicy validated and compiled into the shape the evaluator walks. Validation follows the
 * API server's ValidateNetworkPolicy (pkg/apis/networking/validation) so a policy the cluster would
 * reject is reported instead of being evaluated.
 */
record CompiledPolicy(String namespace, String name, Selector podSelector, boolean isolatesIngress,
                      boolean isolatesEgress, List<Rule> ingress, List<Rule> egress) {

    /** {@code namespace/name}. */
    String id() {
        return namespace + "/" + name;
    }

    boolean isolates(Direction direction) {
        return direction == Direction.INGRESS ? isolatesIngress : isolatesEgress;
    }

    List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** Whether {@code spec.podSelector} selects the pod; policies only ever select pods of their own namespace. */
    boolean selects(Pod pod) {
        return namespace.equals(pod.namespace()) && podSelector.matches(pod.labels());
    }

    /**
     * One ingress or egress rule. Empty {@code peers} means {@code from}/{@code to} was absent or empty:
     * every peer matches. Empty {@code ports} likewise matches every port and protocol.
     */
    record Rule(PolicyRule reference, List<Peer> peers, List<PortMatch> ports) {

        /**
         * Whether traffic with {@code peer} on the other end, to {@code port}/{@code protocol} on
         * {@code destination}, matches both {@code from}/{@code to} and {@code ports}.
         */
        boolean matches(Endpoint peer, Endpoint destination, int port, Protocol protocol,
                        Lookup lookup) {
            return matchesPeer(peer, lookup) && matchesPort(destination, port, protocol);
        }

        private boolean matchesPeer(Endpoint endpoint, Lookup lookup) {
            if (peers.isEmpty()) {
                return true;
            }
            for (Peer peer : peers) {
                if (peer.matches(endpoint, lookup)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchesPort(Endpoint destination, int port, Protocol protocol) {
            if (ports.isEmpty()) {
                return true;
            }
            for (PortMatch match : ports) {
                if (match.matches(destination, port, protocol)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One entry of {@code from} or {@code to}; entries are ORed. */
    sealed interface Peer permits SelectorPeer, IpBlockPeer {
        boolean matches(Endpoint endpoint, Lookup lookup);
    }

    /**
     * podSelector and/or namespaceSelector in ONE peer: both must hold (AND). A null selector means the
     * field was absent: no namespaceSelector restricts to the policy's own namespace, no podSelector
     * admits every pod of the selected namespaces. Neither ever matches an external endpoint.
     */
    record SelectorPeer(String policyNamespace, Selector namespaceSelector, Selector podSelector) implements Peer {
        @Override
        public boolean matches(Endpoint endpoint, Lookup lookup) {
            if (!(endpoint instanceof Pod pod)) {
                return false;
            }
            boolean namespaceMatches = namespaceSelector == null
                    ? pod.namespace().equals(policyNamespace)
                    : namespaceSelector.matches(lookup.namespaceLabels(pod.namespace()));
            return namespaceMatches && (podSelector == null || podSelector.matches(pod.labels()));
        }
    }

    /**
     * ipBlock: an endpoint matches when one of its IPs lies in {@code cidr} and in none of
     * {@code except}. For pod IPs Kubernetes leaves this implementation-defined ("these should be
     * cluster-external IPs"); the evaluator matches them, the stricter reading for a default-deny check.
     */
    record IpBlockPeer(Cidr cidr, List<Cidr> except) implements Peer {
        @Override
        public boolean matches(Endpoint endpoint, Lookup lookup) {
            for (IpAddress ip : lookup.addresses(endpoint)) {
                if (ip.in(cidr) && except.stream().noneMatch(ip::in)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One entry of {@code ports}: a protocol and, optionally, a number (with an optional inclusive
     * {@code endPort}) or a name. A name is resolved against the DESTINATION pod's container ports with
     * the same protocol, for ingress and egress rules alike; it never matches an external destination.
     */
    record PortMatch(Protocol protocol, Integer number, Integer endPort, String name) {
        boolean matches(Endpoint destination, int port, Protocol trafficProtocol) {
            if (protocol != trafficProtocol) {
                return false;
            }
            if (name != null) {
                if (!(destination instanceof Pod pod)) {
                    return false;
                }
                for (Port declared : pod.ports()) {
                    if (declared.name().equals(name) && declared.protocol() == protocol && declared.number() == port) {
                        return true;
                    }
                }
                return false;
            }
            if (number == null) {
                // NetworkPolicyPort.port absent: "this matches all port names and numbers" of the protocol.
                return true;
            }
            return endPort == null ? port == number : number <= port && port <= endPort;
        }
    }

    /**
     * Validates and compiles {@code policy}, adding one problem per violation to {@code problems}.
     * Returns null when the policy cannot be compiled at all (no name or namespace).
     */
    static CompiledPolicy compile(NetworkPolicy policy, int position, List<String> problems) {
        String namespace = policy.getMetadata() == null ? null : policy.getMetadata().getNamespace();
        String name = policy.getMetadata() == null ? null : policy.getMetadata().getName();
        Where path = Where.of("networkpolicy " + (name == null ? "#" + position : (namespace == null ? "" : namespace + "/") + name));
        boolean identified = true;
        if (name == null || name.isBlank()) {
            problems.add(path + ": metadata.name is required");
            identified = false;
        }
        if (namespace == null || namespace.isBlank()) {
            problems.add(path + ": metadata.namespace is required (a policy selects pods of its own namespace only)");
            identified = false;
        }
        int before = problems.size();
        NetworkPolicySpec spec = policy.getSpec() == null ? new NetworkPolicySpec() : policy.getSpec();
        Problems.unknownFields(spec.getAdditionalProperties(), path.then(": spec"), problems);
        Selector podSelector = spec.getPodSelector() == null
                // NetworkPolicySpec.podSelector: "An empty podSelector matches all pods in this namespace";
                // the API server defaults an absent one to empty.
                ? Selector.EVERYTHING
                : Selector.compile(spec.getPodSelector(), path.then(": spec.podSelector"), problems);

        List<NetworkPolicyIngressRule> ingressRules = orEmpty(spec.getIngress());
        List<NetworkPolicyEgressRule> egressRules = orEmpty(spec.getEgress());
        boolean ingress;
        boolean egress;
        List<String> types = orEmpty(spec.getPolicyTypes());
        if (types.isEmpty()) {
            // NetworkPolicySpec.policyTypes: when unspecified, Ingress is always set and Egress is set
            // only if the policy has any egress rules.
            ingress = true;
            egress = !egressRules.isEmpty();
        } else {
            ingress = false;
            egress = false;
            for (int i = 0; i < types.size(); i++) {
                String type = types.get(i);
                if (Direction.INGRESS.policyType().equals(type) && !ingress) {
                    ingress = true;
                } else if (Direction.EGRESS.policyType().equals(type) && !egress) {
                    egress = true;
                } else {
                    problems.add(path + ": spec.policyTypes[" + i + "]: '" + type
                            + (Direction.INGRESS.policyType().equals(type) || Direction.EGRESS.policyType().equals(type)
                                    ? "' is listed twice" : "' is neither Ingress nor Egress (case-sensitive)"));
                }
            }
        }

        List<Rule> ingressCompiled = new ArrayList<>();
        for (int i = 0; i < ingressRules.size(); i++) {
            NetworkPolicyIngressRule rule = ingressRules.get(i);
            Where at = path.then(": spec.ingress").at(i);
            Problems.unknownFields(rule.getAdditionalProperties(), at, problems);
            ingressCompiled.add(new Rule(new PolicyRule(namespace, name, Direction.INGRESS, i),
                    peers(orEmpty(rule.getFrom()), namespace, at.then(".from"), problems),
                    ports(orEmpty(rule.getPorts()), at.then(".ports"), problems)));
        }
        List<Rule> egressCompiled = new ArrayList<>();
        for (int i = 0; i < egressRules.size(); i++) {
            NetworkPolicyEgressRule rule = egressRules.get(i);
            Where at = path.then(": spec.egress").at(i);
            Problems.unknownFields(rule.getAdditionalProperties(), at, problems);
            egressCompiled.add(new Rule(new PolicyRule(namespace, name, Direction.EGRESS, i),
                    peers(orEmpty(rule.getTo()), namespace, at.then(".to"), problems),
                    ports(orEmpty(rule.getPorts()), at.then(".ports"), problems)));
        }
        if (!identified || problems.size() > before) {
            return null;
        }
        return new CompiledPolicy(namespace, name, podSelector, ingress, egress,
                List.copyOf(ingressCompiled), List.copyOf(egressCompiled));
    }

    private static List<Peer> peers(List<NetworkPolicyPeer> peers, String namespace, Where path, List<String> problems) {
        List<Peer> compiled = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            NetworkPolicyPeer peer = peers.get(i);
            Where at = path.at(i);
            Problems.unknownFields(peer.getAdditionalProperties(), at, problems);
            LabelSelector namespaceSelector = peer.getNamespaceSelector();
            LabelSelector podSelector = peer.getPodSelector();
            IPBlock ipBlock = peer.getIpBlock();
            if (ipBlock != null) {
                // NetworkPolicyPeer.ipBlock: "If this field is set then neither of the other fields can be."
                if (namespaceSelector != null || podSelector != null) {
                    problems.add(at + ": ipBlock cannot be combined with podSelector or namespaceSelector");
                    continue;
                }
                IpBlockPeer block = ipBlock(ipBlock, at.then(".ipBlock"), problems);
                if (block != null) {
                    compiled.add(block);
                }
            } else if (namespaceSelector == null && podSelector == null) {
                problems.add(at + ": a peer must set podSelector, namespaceSelector or ipBlock "
                        + "(to match every peer, leave the whole from/to list out)");
            } else {
                compiled.add(new SelectorPeer(namespace,
                        namespaceSelector == null ? null : Selector.compile(namespaceSelector, at.then(".namespaceSelector"), problems),
                        podSelector == null ? null : Selector.compile(podSelector, at.then(".podSelector"), problems)));
            }
        }
        return List.copyOf(compiled);
    }

    private static IpBlockPeer ipBlock(IPBlock block, Where path, List<String> problems) {
        Problems.unknownFields(block.getAdditionalProperties(), path, problems);
        Cidr cidr = IpAddress.cidr(block.getCidr()).orElse(null);
        if (cidr == null) {
            problems.add(path + ".cidr: '" + block.getCidr() + "' is not a CIDR such as 192.168.1.0/24 or 2001:db8::/64");
        }
        List<Cidr> except = new ArrayList<>();
        List<String> holes = orEmpty(block.getExcept());
        for (int i = 0; i < holes.size(); i++) {
            Cidr hole = IpAddress.cidr(holes.get(i)).orElse(null);
            if (hole == null) {
                problems.add(path + ".except[" + i + "]: '" + holes.get(i) + "' is not a CIDR");
            } else if (cidr != null && !cidr.contains(hole)) {
                // IPBlock.except: "Except values will be rejected if they are outside the cidr range."
                problems.add(path + ".except[" + i + "]: " + holes.get(i) + " is outside cidr " + block.getCidr());
            } else {
                except.add(hole);
            }
        }
        return cidr == null ? null : new IpBlockPeer(cidr, List.copyOf(except));
    }

    private static List<PortMatch> ports(List<NetworkPolicyPort> ports, Where path, List<String> problems) {
        List<PortMatch> compiled = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            NetworkPolicyPort port = ports.get(i);
            Where at = path.at(i);
            Problems.unknownFields(port.getAdditionalProperties(), at, problems);
            Protocol protocol;
            try {
                protocol = Protocol.of(port.getProtocol());
            } catch (IllegalArgumentException e) {
                problems.add(at + ".protocol: " + e.getMessage());
                continue;
            }
            IntOrString value = port.getPort();
            Integer endPort = port.getEndPort();
            Integer number = value == null ? null : value.getIntVal();
            String name = value == null ? null : value.getStrVal();
            int before = problems.size();
            if (number != null && (number < 1 || number > 65535)) {
                problems.add(at + ".port: " + number + " is outside 1..65535");
            }
            if (name != null && !Port.isServiceName(name)) {
                problems.add(at + ".port: '" + name + "' is neither a port number nor a valid port name"
                        + (name.chars().allMatch(Character::isDigit) ? " (write numbers unquoted)" : ""));
            }
            if (endPort != null) {
                // NetworkPolicyPort.endPort: "cannot be defined if the port field is not defined or if the
                // port field is defined as a named (string) port", and "must be equal or greater than port".
                if (number == null) {
                    problems.add(at + ".endPort: requires a numeric port");
                } else if (endPort < number) {
                    problems.add(at + ".endPort: " + endPort + " is less than port " + number);
                } else if (endPort > 65535) {
                    problems.add(at + ".endPort: " + endPort + " is outside 1..65535");
                }
            }
            if (problems.size() == before) {
                compiled.add(new PortMatch(protocol, number, endPort, name));
            }
        }
        return List.copyOf(compiled);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
