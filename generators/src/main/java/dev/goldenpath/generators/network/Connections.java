package dev.goldenpath.generators.network;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Caller;
import dev.goldenpath.dsl.Dependency;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.SyncJob;
import dev.goldenpath.dsl.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The declared connection graph of one environment: every edge the spec states, from either end, merged. This
 * graph is the single source of the NetworkPolicies, the mesh's authorization policies and the diagram, and
 * the reference the tests compare the policies' real reachability with.
 */
public final class Connections {

    private Connections() {
    }

    /** The edges of the environment, sorted by client then server. */
    public static List<Edge> of(Platform platform, Environment environment, List<AppInstance> instances) {
        Map<String, AppInstance> byName = new HashMap<>();
        for (AppInstance instance : instances) {
            // By name: environment names are unique (validated), and a record's equals is costly to set up at start-up.
            if (instance.environment().name().equals(environment.name())) {
                byName.put(instance.name(), instance);
            }
        }
        Map<String, Endpoint> endpoints = new TreeMap<>();
        Map<String, Map<String, SortedSet<Edge.PortProtocol>>> merged = new TreeMap<>();
        Map<String, Map<String, Boolean>> allPorts = new HashMap<>();
        for (AppInstance instance : byName.values()) {
            App app = instance.app();
            Endpoint self = endpoint(instance);
            for (Endpoint client : clients(instance)) {
                egress(platform, environment, byName, endpoints, merged, allPorts, instance, client);
            }
            for (Caller caller : app.traffic().callers()) {
                List<Edge.PortProtocol> ports = ports(app, caller.ports());
                if (caller instanceof Caller.App other) {
                    AppInstance client = byName.get(other.app());
                    if (client != null) {
                        add(endpoints, merged, allPorts, endpoint(client), self, ports);
                    }
                } else if (caller instanceof Caller.Namespace namespace) {
                    add(endpoints, merged, allPorts, new Endpoint.Namespace(namespace.namespace()), self, ports);
                } else {
                    var controller = platform.network().ingressController();
                    add(endpoints, merged, allPorts,
                            new Endpoint.Pods("ingress-controller", controller.namespace(), controller.podLabels()), self, ports);
                }
            }
            if (app.workload() instanceof Workload.StatefulService stateful && !stateful.peerPorts().isEmpty()) {
                // .peersCallEachOther(..): the service's own pods reach each other, on exactly those ports.
                add(endpoints, merged, allPorts, self, self, ports(app, stateful.peerPorts()));
            }
            if (!app.exposure().routes().isEmpty()) {
                ExposureEdges.entrance(platform, environment).ifPresent(entrance ->
                        add(endpoints, merged, allPorts, entrance, self, ExposureEdges.ports(app)));
            }
        }
        List<Edge> edges = new ArrayList<>();
        merged.forEach((from, targets) -> targets.forEach((to, ports) -> edges.add(new Edge(endpoints.get(from),
                endpoints.get(to), allPorts.get(from).getOrDefault(to, false) ? List.of() : List.copyOf(ports)))));
        edges.sort(Comparator.comparing((Edge e) -> e.from().key()).thenComparing(e -> e.to().key()));
        return List.copyOf(edges);
    }

    /**
     * The app's egress from one of its clients: the app's own pods, or the pods of a job it runs before sync, which
     * call exactly what the app calls.
     */
    private static void egress(Platform platform, Environment environment, Map<String, AppInstance> byName,
                               Map<String, Endpoint> endpoints, Map<String, Map<String, SortedSet<Edge.PortProtocol>>> merged,
                               Map<String, Map<String, Boolean>> allPorts, AppInstance instance, Endpoint client) {
        App app = instance.app();
        for (Dependency dependency : app.traffic().dependencies()) {
            if (dependency instanceof Dependency.App other) {
                AppInstance callee = byName.get(other.app());
                if (callee != null) {
                    add(endpoints, merged, allPorts, client, endpoint(callee), ports(callee.app(), other.ports()));
                }
            } else if (dependency instanceof Dependency.External external) {
                Endpoint block = new Endpoint.IpBlock("external", external.cidr(), external.except());
                add(endpoints, merged, allPorts, client, block, external.ports().stream()
                        .map(p -> new Edge.PortProtocol(p, "TCP")).toList());
            }
        }
        if (app.traffic().dnsEgress()) {
            var dns = platform.network().dns();
            // DNS answers over UDP and falls back to TCP for large responses: both are needed.
            add(endpoints, merged, allPorts, client, new Endpoint.Pods("dns", dns.namespace(), dns.podLabels()),
                    List.of(new Edge.PortProtocol(53, "TCP"), new Edge.PortProtocol(53, "UDP")));
        }
        if (!app.apiAccess().permissions().isEmpty()) {
            for (String cidr : environment.apiServerCidrs()) {
                add(endpoints, merged, allPorts, client, new Endpoint.IpBlock("kubernetes-api", cidr, List.of()),
                        List.of(new Edge.PortProtocol(environment.apiServerPort(), "TCP")));
            }
        }
    }

    /** The app's pods and the pods of each job it runs before sync. */
    private static List<Endpoint> clients(AppInstance instance) {
        List<Endpoint> clients = new ArrayList<>();
        clients.add(endpoint(instance));
        instance.app().beforeSync().forEach(job -> clients.add(syncJob(instance, job)));
        return clients;
    }

    /** The pods of a job the app runs before sync: named by the Job, running as the app's service account. */
    public static Endpoint.App syncJob(AppInstance instance, SyncJob job) {
        return new Endpoint.App(instance.namespace(), job.qualifiedName(instance.name()), instance.name());
    }

    /**
     * The edges that touch each endpoint (as client or as server), so that per-app policies read only their own
     * edges instead of scanning the whole environment's graph for every app.
     */
    public static Map<Endpoint, List<Edge>> byEndpoint(List<Edge> edges) {
        Map<Endpoint, List<Edge>> index = new HashMap<>();
        for (Edge edge : edges) {
            index.computeIfAbsent(edge.from(), e -> new ArrayList<>()).add(edge);
            if (!edge.to().equals(edge.from())) {
                index.computeIfAbsent(edge.to(), e -> new ArrayList<>()).add(edge);
            }
        }
        return index;
    }

    /** The endpoint of an app instance. */
    public static Endpoint endpoint(AppInstance instance) {
        return new Endpoint.App(instance.namespace(), instance.name());
    }

    /** The callee's declared ports with these numbers; all of its ports when none are named. */
    private static List<Edge.PortProtocol> ports(App callee, List<Integer> numbers) {
        List<Edge.PortProtocol> ports = new ArrayList<>();
        for (Port port : callee.ports()) {
            if (numbers.isEmpty() || numbers.contains(port.number())) {
                ports.add(new Edge.PortProtocol(port.number(), port.protocol().name()));
            }
        }
        return ports;
    }

    private static void add(Map<String, Endpoint> endpoints, Map<String, Map<String, SortedSet<Edge.PortProtocol>>> merged,
                            Map<String, Map<String, Boolean>> allPorts, Endpoint from, Endpoint to,
                            List<Edge.PortProtocol> ports) {
        endpoints.put(from.key(), from);
        endpoints.put(to.key(), to);
        merged.computeIfAbsent(from.key(), k -> new TreeMap<>()).computeIfAbsent(to.key(), k -> new TreeSet<>()).addAll(ports);
        // An edge without ports to an address block means every port; it absorbs any narrower declaration.
        if (ports.isEmpty()) {
            allPorts.computeIfAbsent(from.key(), k -> new HashMap<>()).put(to.key(), true);
        } else {
            allPorts.computeIfAbsent(from.key(), k -> new HashMap<>()).putIfAbsent(to.key(), false);
        }
    }
}
