package dev.goldenpath.generators;

import dev.goldenpath.generators.network.Endpoint;

import dev.goldenpath.generators.network.Edge;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.generators.network.Connections;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.resolved.ResolvedPlatform;
import dev.goldenpath.reachability.External;
import dev.goldenpath.reachability.Pod;
import dev.goldenpath.vocabulary.Protocol;
import dev.goldenpath.reachability.Reachability;
import dev.goldenpath.tree.TreeLayout;
import dev.goldenpath.vocabulary.Cidr;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proves that the rendered NetworkPolicies of an environment allow exactly the declared graph. It places a pod for
 * every app instance, the DNS and ingress-controller pods, a probe pod in every namespace that is allowed in, a pod
 * in every app namespace and in a namespace nobody declared, and an address inside (and inside the holes of) every
 * declared address block; then it asks the {@link Reachability} evaluator, by Kubernetes semantics, which connections
 * the policies allow, and compares every connection that touches an app with the declared ones.
 *
 * <pre>{@code
 * NetworkVerification.Result result = NetworkVerification.check(renderer.generate(platform), environment);
 * assert result.exact() : result;
 * }</pre>
 */
public final class NetworkVerification {

    /** A namespace no declaration mentions: its pods must reach no app, and no app may reach them. */
    public static final String STRANGER_NAMESPACE = "goldenpath-verification-stranger";
    private static final List<Integer> ANY_PORTS = List.of(80, 443);
    private static final int UNDECLARED_PORT = 1;

    private NetworkVerification() {
    }

    /**
     * The comparison of one environment.
     *
     * @param environment the environment
     * @param declared    the connections the spec declares, as evaluator edges
     * @param allowed     the connections the policies allow that touch an app pod
     */
    public record Result(String environment, SortedSet<dev.goldenpath.reachability.Edge> declared,
                         SortedSet<dev.goldenpath.reachability.Edge> allowed) {

        /** Declared but not allowed: an app would be broken. */
        public SortedSet<dev.goldenpath.reachability.Edge> missing() {
            SortedSet<dev.goldenpath.reachability.Edge> missing = new TreeSet<>(declared);
            missing.removeAll(allowed);
            return missing;
        }

        /** Allowed but not declared: a hole in zero trust. */
        public SortedSet<dev.goldenpath.reachability.Edge> unexpected() {
            SortedSet<dev.goldenpath.reachability.Edge> unexpected = new TreeSet<>(allowed);
            unexpected.removeAll(declared);
            return unexpected;
        }

        /**
         * Every difference, one line each, for a render failure: what the policies allow beyond the declared graph
         * (a hole in the default deny) and what they block of it (an app that would be broken).
         */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            unexpected().forEach(edge -> problems.add("environment " + environment + ": the emitted NetworkPolicies allow "
                    + edge + ", which the spec does not declare (a hole in the default deny; fix: declare the connection"
                    + " with .calls(..), .calledBy(..) or .calledByNamespace(..), and leave the generated policies as they are)"));
            missing().forEach(edge -> problems.add("environment " + environment + ": the spec declares " + edge
                    + ", which the emitted objects do not allow (no NetworkPolicy rule admits it, or no container listens"
                    + " on that port; fix: leave the generated NetworkPolicies and container ports as they are)"));
            return problems;
        }

        /** Whether the policies allow exactly the declared connections. */
        public boolean exact() {
            return declared.equals(allowed);
        }

        @Override
        public String toString() {
            return "environment " + environment + ": " + declared.size() + " declared, " + allowed.size() + " allowed"
                    + (exact() ? "" : "; missing " + missing() + "; unexpected " + unexpected());
        }
    }

    /** Checks one environment of the generated manifests. */
    public static Result check(Manifests manifests, Environment environment) {
        ResolvedPlatform.Environment resolved = manifests.resolved().environments().stream()
                .filter(e -> e.name().equals(environment.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no environment " + environment.name()));
        List<HasMetadata> objects = new ArrayList<>();
        for (Manifests.Manifest manifest : manifests.objects()) {
            if (TreeLayout.inEnvironment(manifest.folder(), environment.name())) {
                objects.add(manifest.object());
            }
        }
        return check(resolved, objects);
    }

    /**
     * Checks one environment: its declared graph against what these objects (the environment's emitted Namespaces,
     * NetworkPolicies, Deployments and StatefulSets; others are ignored) allow.
     */
    public static Result check(ResolvedPlatform.Environment environment, Collection<? extends HasMetadata> objects) {
        Reachability.Builder cluster = Reachability.builder();
        // The platform's own CronJobs (the baseline's scan) are no app: only the apps' and their sync jobs' count.
        Set<String> workloads = new TreeSet<>();
        for (AppInstance instance : environment.instances()) {
            workloads.add(instance.namespace() + "/" + instance.name());
            instance.app().beforeSync().forEach(job -> {
                Endpoint.App pods = Connections.syncJob(instance, job);
                workloads.add(pods.namespace() + "/" + pods.app());
            });
        }
        Set<String> namespaces = new TreeSet<>();
        Map<String, Pod> appPods = new TreeMap<>();
        Map<String, Pod> replicas = new TreeMap<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Namespace namespace) {
                cluster.namespace(namespace);
                namespaces.add(namespace.getMetadata().getName());
            } else if (object instanceof NetworkPolicy policy) {
                policies.add(policy);
            } else if (object instanceof Deployment deployment) {
                Pod pod = dev.goldenpath.reachability.Endpoint.pod(deployment.getMetadata().getNamespace(),
                        deployment.getMetadata().getName(), deployment.getSpec().getTemplate());
                appPods.put(pod.id(), pod);
            } else if (object instanceof CronJob cronJob && workloads.contains(id(cronJob))) {
                Pod pod = dev.goldenpath.reachability.Endpoint.pod(cronJob.getMetadata().getNamespace(),
                        cronJob.getMetadata().getName(), cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
                appPods.put(pod.id(), pod);
            } else if (object instanceof Job job && workloads.contains(id(job))) {
                // A job run before sync: its pods are the endpoint named by the Job (Connections.syncJob).
                Pod pod = dev.goldenpath.reachability.Endpoint.pod(job.getMetadata().getNamespace(),
                        job.getMetadata().getName(), job.getSpec().getTemplate());
                appPods.put(pod.id(), pod);
            } else if (object instanceof StatefulSet statefulSet) {
                Pod pod = dev.goldenpath.reachability.Endpoint.pod(statefulSet.getMetadata().getNamespace(),
                        statefulSet.getMetadata().getName(), statefulSet.getSpec().getTemplate());
                appPods.put(pod.id(), pod);
                // A StatefulSet's pods must reach each other exactly when the spec declares peers: judged on two pods.
                replicas.put(pod.id(), secondPod(pod));
            }
        }
        for (Edge edge : environment.edges()) {
            // An app that calls itself is judged on two of its pods: a pod reaching itself is never a network connection.
            if (edge.from().equals(edge.to()) && appPods.containsKey(id(edge.from(), Map.of()))) {
                replicas.computeIfAbsent(id(edge.from(), Map.of()), k -> secondPod(appPods.get(k)));
            }
        }
        replicas.values().forEach(pod -> appPods.put(pod.id(), pod));
        Map<String, Pod> otherPods = new LinkedHashMap<>();
        Map<String, List<External>> externals = new LinkedHashMap<>();
        SortedSet<dev.goldenpath.reachability.Edge> declared = new TreeSet<>();
        List<Edge> edges = environment.edges();
        for (Edge edge : edges) {
            for (Endpoint endpoint : List.of(edge.from(), edge.to())) {
                if (endpoint instanceof Endpoint.Namespace namespace) {
                    otherPods.putIfAbsent(namespace.namespace() + "/probe",
                            dev.goldenpath.reachability.Endpoint.pod(namespace.namespace(), "probe", Map.of()));
                } else if (endpoint instanceof Endpoint.Pods pods) {
                    Pod pod = dev.goldenpath.reachability.Endpoint.pod(pods.namespace(), pods.role(), pods.labels());
                    if (pods.role().equals("dns")) {
                        pod = pod.port("dns-tcp", 53, Protocol.TCP).port("dns", 53, Protocol.UDP);
                    }
                    otherPods.putIfAbsent(pod.id(), pod);
                } else if (endpoint instanceof Endpoint.IpBlock block) {
                    externals.computeIfAbsent(endpoint.key(), k -> externals(block, edge.ports()));
                }
            }
        }
        for (String namespace : namespaces) {
            otherPods.putIfAbsent(namespace + "/probe",
                    dev.goldenpath.reachability.Endpoint.pod(namespace, "probe", Map.of()).port("http", 80, Protocol.TCP));
        }
        otherPods.put(STRANGER_NAMESPACE + "/stranger",
                dev.goldenpath.reachability.Endpoint.pod(STRANGER_NAMESPACE, "stranger", Map.of()).port("http", 80, Protocol.TCP));
        Set<String> declaredNamespaces = new TreeSet<>(namespaces);
        for (Pod pod : otherPods.values()) {
            if (declaredNamespaces.add(pod.namespace())) {
                cluster.namespace(pod.namespace());
            }
        }
        cluster.pods(appPods.values()).pods(otherPods.values()).policies(policies);
        externals.values().forEach(list -> list.forEach(cluster::external));
        for (Edge edge : edges) {
            String from = id(edge.from(), externals);
            String to = id(edge.to(), externals);
            List<Edge.PortProtocol> ports = edge.ports();
            if (ports.isEmpty()) {
                ports = portsOf(edge.to(), appPods, otherPods);
            }
            for (Edge.PortProtocol port : ports) {
                // An edge of an app judged on two pods holds for both (and, to itself, between them).
                for (String source : podsOf(from, replicas)) {
                    for (String destination : podsOf(to, replicas)) {
                        if (!source.equals(destination)) {
                            declared.add(new dev.goldenpath.reachability.Edge(source, destination, port.port(),
                                    Protocol.of(port.protocol())));
                        }
                    }
                }
            }
        }
        SortedSet<dev.goldenpath.reachability.Edge> allowed = new TreeSet<>();
        for (dev.goldenpath.reachability.Edge edge : cluster.build().allowedEdges()) {
            if (appPods.containsKey(edge.source()) || appPods.containsKey(edge.destination())) {
                allowed.add(edge);
            }
        }
        return new Result(environment.name(), declared, allowed);
    }

    private static String id(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    /** A second pod of the same app: same labels and ports, named {@code <app>[1]} (no app name holds '['). */
    private static Pod secondPod(Pod pod) {
        return new Pod(pod.namespace(), pod.name() + "[1]", pod.labels(), pod.ips(), pod.ports());
    }

    /** The pods an id stands for: the app's two pods when it is judged on two, else the one. */
    private static List<String> podsOf(String id, Map<String, Pod> replicas) {
        Pod second = replicas.get(id);
        return second == null ? List.of(id) : List.of(id, second.id());
    }

    private static String id(Endpoint endpoint, Map<String, List<External>> externals) {
        if (endpoint instanceof Endpoint.App app) {
            return app.namespace() + "/" + app.app();
        } else if (endpoint instanceof Endpoint.Namespace namespace) {
            return namespace.namespace() + "/probe";
        } else if (endpoint instanceof Endpoint.Pods pods) {
            return pods.namespace() + "/" + pods.role();
        }
        return externals.get(endpoint.key()).get(0).id();
    }

    private static List<Edge.PortProtocol> portsOf(Endpoint endpoint, Map<String, Pod> appPods, Map<String, Pod> otherPods) {
        List<Edge.PortProtocol> ports = new ArrayList<>();
        if (endpoint instanceof Endpoint.IpBlock) {
            ANY_PORTS.forEach(p -> ports.add(new Edge.PortProtocol(p, "TCP")));
            ports.add(new Edge.PortProtocol(UNDECLARED_PORT, "TCP"));
            return ports;
        }
        Pod pod = appPods.getOrDefault(id(endpoint, Map.of()), otherPods.get(id(endpoint, Map.of())));
        pod.ports().forEach(p -> ports.add(new Edge.PortProtocol(p.number(), p.protocol().name())));
        return ports;
    }

    /** An address inside the block (outside its holes), and one inside each hole; each listening on the edge's ports. */
    private static List<External> externals(Endpoint.IpBlock block, List<Edge.PortProtocol> edgePorts) {
        List<External> externals = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(block.cidr());
        candidates.addAll(block.except());
        for (int i = 0; i < candidates.size(); i++) {
            String address = i == 0 ? outsideHoles(block) : asWritten(cidr(candidates.get(i)));
            External external = dev.goldenpath.reachability.Endpoint.external(address)
                    .named(block.role() + (i == 0 ? "" : "-hole" + i) + ":" + candidates.get(i));
            List<Edge.PortProtocol> ports = edgePorts.isEmpty()
                    ? ANY_PORTS.stream().map(p -> new Edge.PortProtocol(p, "TCP")).toList() : edgePorts;
            for (Edge.PortProtocol port : ports) {
                external = external.port(port.port(), Protocol.of(port.protocol()));
            }
            // A port nobody declared: connections to it must be denied unless the edge allows every port.
            externals.add(external.port(UNDECLARED_PORT, Protocol.TCP));
        }
        return externals;
    }

    private static String outsideHoles(Endpoint.IpBlock block) {
        Cidr cidr = cidr(block.cidr());
        List<Cidr> holes = block.except().stream().map(NetworkVerification::cidr).toList();
        for (BigInteger offset = BigInteger.ZERO; ; offset = offset.add(BigInteger.ONE)) {
            BigInteger candidate = cidr.address().add(offset);
            if (holes.stream().noneMatch(hole -> hole.bits() == cidr.bits() && hole.contains(candidate))) {
                return cidr.format(candidate);
            }
            if (offset.bitLength() > 24) {
                throw new IllegalStateException("no address outside the holes of " + block.cidr());
            }
        }
    }

    /** The block's address as the spec wrote it (the DSL only accepts canonical blocks: its first address). */
    private static String asWritten(Cidr cidr) {
        return cidr.format(cidr.address());
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + text));
    }
}
