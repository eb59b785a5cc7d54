package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import dev.goldenpath.reachability.Verdict.Side;
import dev.goldenpath.reachability.Verdict.Status;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Answers "may X reach Y on port P/protocol" for a set of namespaces, pods, external endpoints and
 * NetworkPolicies, by Kubernetes NetworkPolicy semantics: policies are additive, a connection needs
 * both the source's egress and the destination's ingress to permit it, and a pod that no policy
 * selects for a direction is not isolated in that direction.
 *
 * <pre>{@code
 * Reachability reachability = Reachability.builder()
 *     .namespace("web", Map.of("team", "web"))
 *     .pod(Endpoint.pod("web", "frontend", Map.of("app", "frontend")).ip("10.0.0.5"))
 *     .pod(Endpoint.pod("web", "api", Map.of("app", "api")).port("http", 8080, Protocol.TCP))
 *     .external(Endpoint.external("203.0.113.7").port(443, Protocol.TCP))
 *     .policies(networkPolicies)
 *     .build();
 *
 * reachability.allows(reachability.pod("web", "frontend"), reachability.pod("web", "api"), 8080, Protocol.TCP);
 * reachability.explain(frontend, api, 8080, Protocol.TCP);   // which rules allowed it, or why not
 * reachability.allowedEdges();                                // the whole allowed graph
 * }</pre>
 *
 * <p>Named {@code Reachability} rather than {@code Cluster} so that it does not clash with the DSL's
 * {@code dev.goldenpath.dsl.Cluster} in code that uses both. Instances are immutable and thread-safe.
 */
public final class Reachability {

    /** Set by the API server on every namespace since Kubernetes 1.21 (NamespaceDefaultLabelName). */
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final SortedMap<String, Map<String, String>> namespaces;
    private final SortedMap<String, Endpoint> endpoints;
    private final List<Pod> pods;
    private final List<External> externals;
    private final PolicyIndex policies;
    // Keyed by the declared endpoints themselves: an endpoint equal to a declared one but not the same object is
    // computed afresh, which is both correct and rare.
    private final Map<Endpoint, List<CompiledPolicy>> ingressSelecting = new IdentityHashMap<>();
    private final Map<Endpoint, List<CompiledPolicy>> egressSelecting = new IdentityHashMap<>();
    private final Map<Endpoint, List<IpAddress>> addresses = new IdentityHashMap<>();
    private final SourceIndex sources;
    private final Lookup lookup = new Lookup() {
        @Override
        public Map<String, String> namespaceLabels(String namespace) {
            Map<String, String> labels = namespaces.get(namespace);
            if (labels == null) {
                throw new IllegalArgumentException("namespace '" + namespace + "' is not declared");
            }
            return labels;
        }

        @Override
        public List<IpAddress> addresses(Endpoint endpoint) {
            List<IpAddress> known = addresses.get(endpoint);
            return known != null ? known : parse(endpoint);
        }
    };

    private Reachability(SortedMap<String, Map<String, String>> namespaces, SortedMap<String, Endpoint> endpoints,
                         List<CompiledPolicy> policies) {
        this.namespaces = Collections.unmodifiableSortedMap(namespaces);
        this.endpoints = Collections.unmodifiableSortedMap(endpoints);
        this.pods = endpoints.values().stream().filter(Pod.class::isInstance).map(Pod.class::cast).toList();
        this.externals = endpoints.values().stream().filter(External.class::isInstance).map(External.class::cast).toList();
        this.policies = new PolicyIndex(policies);
        for (Pod pod : pods) {
            ingressSelecting.put(pod, computeSelecting(pod, Direction.INGRESS));
            egressSelecting.put(pod, computeSelecting(pod, Direction.EGRESS));
        }
        for (Endpoint endpoint : endpoints.values()) {
            addresses.put(endpoint, parse(endpoint));
        }
        this.sources = new SourceIndex(this.namespaces, this.endpoints.values());
    }

    /** A builder to declare namespaces, endpoints and policies. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code source} may open a connection to {@code destination} on {@code port}/{@code protocol}.
     * Endpoints need not have been added to the builder, but a pod's namespace must have been declared.
     *
     * @throws IllegalArgumentException when neither endpoint is a pod, the port is outside 1..65535 or a
     *                                  pod's namespace is not declared
     */
    public boolean allows(Endpoint source, Endpoint destination, int port, Protocol protocol) {
        check(source, destination, port, protocol);
        if (isSelf(source, destination)) {
            return true;
        }
        return permits(Direction.EGRESS, source, destination, port, protocol)
                && permits(Direction.INGRESS, source, destination, port, protocol);
    }

    /**
     * The same decision as {@link #allows}, with its reasons: for each side, whether the pod is isolated,
     * by which policies, and which rules (if any) let the connection through.
     */
    public Verdict explain(Endpoint source, Endpoint destination, int port, Protocol protocol) {
        check(source, destination, port, protocol);
        Edge edge = new Edge(source.id(), destination.id(), port, protocol);
        if (isSelf(source, destination)) {
            return new Verdict(edge, new Side(Direction.EGRESS, source.id(), Status.SELF, List.of(), List.of()),
                    new Side(Direction.INGRESS, destination.id(), Status.SELF, List.of(), List.of()));
        }
        return new Verdict(edge, side(Direction.EGRESS, source, destination, port, protocol),
                side(Direction.INGRESS, source, destination, port, protocol));
    }

    /**
     * Every allowed connection to a declared port: from each pod to every other pod's container ports,
     * from each external endpoint to the pods' container ports, and from each pod to the external
     * endpoints' ports. A pod's connections to itself are left out (always allowed, see
     * {@link Status#SELF}). Sorted, so the result prints and compares deterministically.
     */
    public SortedSet<Edge> allowedEdges() {
        SortedSet<Edge> edges = new TreeSet<>();
        for (Pod destination : pods) {
            // Only a peer of one of its ingress rules can reach an isolated pod: judge those, not every endpoint.
            List<CompiledPolicy> ingress = selecting(destination, Direction.INGRESS);
            Collection<Endpoint> sources = endpoints.values();
            if (!ingress.isEmpty()) {
                List<CompiledPolicy.Rule> rules = new ArrayList<>();
                ingress.forEach(policy -> rules.addAll(policy.rules(Direction.INGRESS)));
                sources = this.sources.candidates(rules);
            }
            for (Port port : Port.distinctNumbers(destination.ports())) {
                for (Endpoint source : sources) {
                    if (!sameEndpoint(source, destination)
                            && permitsBothSides(source, destination, port.number(), port.protocol())) {
                        edges.add(new Edge(source.id(), destination.id(), port.number(), port.protocol()));
                    }
                }
            }
        }
        List<Pod> toAddresses = pods.stream()
                .filter(pod -> SourceIndex.mayReachAddresses(selecting(pod, Direction.EGRESS))).toList();
        for (External destination : externals) {
            for (Port port : Port.distinctNumbers(destination.ports())) {
                for (Pod source : toAddresses) {
                    if (permits(Direction.EGRESS, source, destination, port.number(), port.protocol())) {
                        edges.add(new Edge(source.id(), destination.id(), port.number(), port.protocol()));
                    }
                }
            }
        }
        return Collections.unmodifiableSortedSet(edges);
    }

    /** The directions {@code pod} is isolated for: those some policy of its namespace selects it for. */
    public Set<Direction> isolation(Pod pod) {
        lookup.namespaceLabels(pod.namespace());
        Set<Direction> isolated = EnumSet.noneOf(Direction.class);
        for (Direction direction : Direction.values()) {
            if (!selecting(pod, direction).isEmpty()) {
                isolated.add(direction);
            }
        }
        return Collections.unmodifiableSet(isolated);
    }

    /**
     * The declared pod {@code namespace/name}.
     *
     * @throws IllegalArgumentException when there is no such pod
     */
    public Pod pod(String namespace, String name) {
        if (endpoints.get(namespace + "/" + name) instanceof Pod pod) {
            return pod;
        }
        throw new IllegalArgumentException("no pod " + namespace + "/" + name + " is declared");
    }

    /**
     * The declared external endpoint with this name (its IP unless it was {@link External#named named}).
     *
     * @throws IllegalArgumentException when there is no such endpoint
     */
    public External external(String name) {
        if (endpoints.get(name) instanceof External external) {
            return external;
        }
        throw new IllegalArgumentException("no external endpoint '" + name + "' is declared");
    }

    /** The declared pods, ordered by id. */
    public List<Pod> pods() {
        return pods;
    }

    /** The declared external endpoints, ordered by id. */
    public List<External> externals() {
        return externals;
    }

    /** Each declared namespace with its labels, including {@value #NAMESPACE_NAME_LABEL}. */
    public SortedMap<String, Map<String, String>> namespaces() {
        return namespaces;
    }

    private void check(Endpoint source, Endpoint destination, int port, Protocol protocol) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(protocol, "protocol");
        if (!(source instanceof Pod) && !(destination instanceof Pod)) {
            throw new IllegalArgumentException("NetworkPolicies only govern connections with a pod on at least one end: "
                    + source.id() + " -> " + destination.id());
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        for (Endpoint endpoint : List.of(source, destination)) {
            if (endpoint instanceof Pod pod && !namespaces.containsKey(pod.namespace())) {
                throw new IllegalArgumentException("pod " + pod.id() + ": namespace '" + pod.namespace()
                        + "' is not declared");
            }
        }
    }

    private static boolean isSelf(Endpoint source, Endpoint destination) {
        return source instanceof Pod && destination instanceof Pod && sameEndpoint(source, destination);
    }

    // Equal ids, compared without joining them (this runs for every pair the allowed edges judge).
    private static boolean sameEndpoint(Endpoint one, Endpoint other) {
        if (one instanceof Pod pod && other instanceof Pod that) {
            return pod.namespace().equals(that.namespace()) && pod.name().equals(that.name());
        }
        return one.id().equals(other.id());
    }

    private boolean permitsBothSides(Endpoint source, Endpoint destination, int port, Protocol protocol) {
        return permits(Direction.EGRESS, source, destination, port, protocol)
                && permits(Direction.INGRESS, source, destination, port, protocol);
    }

    /**
     * One side, without collecting reasons: EGRESS judges the source's policies with the destination as
     * peer, INGRESS the destination's policies with the source as peer. Ports are always those of the
     * destination, which is where named ports resolve.
     */
    private boolean permits(Direction direction, Endpoint source, Endpoint destination, int port, Protocol protocol) {
        Endpoint governed = direction == Direction.EGRESS ? source : destination;
        Endpoint peer = direction == Direction.EGRESS ? destination : source;
        if (!(governed instanceof Pod pod)) {
            return true;
        }
        List<CompiledPolicy> selecting = selecting(pod, direction);
        if (selecting.isEmpty()) {
            return true;
        }
        for (CompiledPolicy policy : selecting) {
            for (CompiledPolicy.Rule rule : policy.rules(direction)) {
                if (rule.matches(peer, destination, port, protocol, lookup)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same decision as {@link #permits}, with its reasons. */
    private Side side(Direction direction, Endpoint source, Endpoint destination, int port, Protocol protocol) {
        Endpoint governed = direction == Direction.EGRESS ? source : destination;
        Endpoint peer = direction == Direction.EGRESS ? destination : source;
        if (!(governed instanceof Pod pod)) {
            return new Side(direction, governed.id(), Status.NOT_A_POD, List.of(), List.of());
        }
        List<CompiledPolicy> selecting = selecting(pod, direction);
        if (selecting.isEmpty()) {
            return new Side(direction, governed.id(), Status.NOT_ISOLATED, List.of(), List.of());
        }
        List<PolicyRule> allowedBy = new ArrayList<>();
        for (CompiledPolicy policy : selecting) {
            for (CompiledPolicy.Rule rule : policy.rules(direction)) {
                if (rule.matches(peer, destination, port, protocol, lookup)) {
                    allowedBy.add(rule.reference());
                }
            }
        }
        return new Side(direction, governed.id(), allowedBy.isEmpty() ? Status.DENIED : Status.ALLOWED,
                selecting.stream().map(CompiledPolicy::id).toList(), allowedBy);
    }

    private List<CompiledPolicy> selecting(Pod pod, Direction direction) {
        Map<Endpoint, List<CompiledPolicy>> cache = direction == Direction.INGRESS ? ingressSelecting : egressSelecting;
        List<CompiledPolicy> known = cache.get(pod);
        return known != null ? known : computeSelecting(pod, direction);
    }

    /** Policies of the pod's namespace whose podSelector matches it and whose policyTypes has the direction. */
    private List<CompiledPolicy> computeSelecting(Pod pod, Direction direction) {
        return policies.selecting(pod, direction);
    }

    private static List<IpAddress> parse(Endpoint endpoint) {
        return endpoint.ips().stream().map(IpAddress::of).toList();
    }

    /** Collects namespaces, endpoints and policies; {@link #build()} validates them all at once. */
    public static final class Builder {

        private final List<Map.Entry<String, Map<String, String>>> namespaces = new ArrayList<>();
        private final List<Endpoint> endpoints = new ArrayList<>();
        private final List<NetworkPolicy> policies = new ArrayList<>();

        private Builder() {
        }

        /**
         * Declares a namespace with its labels. {@value Reachability#NAMESPACE_NAME_LABEL} is set to the name, as the
         * API server does, whatever {@code labels} say.
         */
        public Builder namespace(String name, Map<String, String> labels) {
            Objects.requireNonNull(name, "name");
            namespaces.add(Map.entry(name, Map.copyOf(labels)));
            return this;
        }

        /** Declares a namespace that has no labels of its own. */
        public Builder namespace(String name) {
            return namespace(name, Map.of());
        }

        /** Declares a namespace from a fabric8 Namespace: its name and labels. */
        public Builder namespace(Namespace namespace) {
            Objects.requireNonNull(namespace.getMetadata(), "namespace metadata");
            Map<String, String> labels = namespace.getMetadata().getLabels();
            return namespace(Objects.requireNonNull(namespace.getMetadata().getName(), "namespace name"),
                    labels == null ? Map.of() : labels);
        }

        /** Adds a pod; its namespace must be declared too. */
        public Builder pod(Pod pod) {
            endpoints.add(Objects.requireNonNull(pod, "pod"));
            return this;
        }

        /** Adds pods; their namespaces must be declared too. */
        public Builder pods(Collection<Pod> pods) {
            pods.forEach(this::pod);
            return this;
        }

        /** Adds an address outside the cluster. */
        public Builder external(External external) {
            endpoints.add(Objects.requireNonNull(external, "external"));
            return this;
        }

        /** Adds a NetworkPolicy; it must carry a name and a declared namespace. */
        public Builder policy(NetworkPolicy policy) {
            policies.add(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Adds NetworkPolicies. */
        public Builder policies(Collection<NetworkPolicy> policies) {
            policies.forEach(this::policy);
            return this;
        }

        /**
         * Validates everything and returns the evaluator.
         *
         * @throws ReachabilityException listing every problem: duplicate or undeclared namespaces,
         *                               duplicate endpoint ids, and every invalid policy field
         */
        public Reachability build() {
            Declarations declared = Declarations.validate(namespaces, endpoints, policies);
            return new Reachability(declared.namespaces(), declared.endpoints(), declared.policies());
        }
    }
}
