package dev.goldenpath.generators.resolved;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.namespace.Namespaces;
import dev.goldenpath.generators.network.Connections;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.network.Endpoint;
import dev.goldenpath.tree.TreeLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A platform resolved once, per environment: which app instances it holds, the namespaces they share with the Pod
 * Security level each needs, the declared connection graph, and where each instance is rendered. Every generator
 * reads these answers here instead of deriving them again from the spec, so that the namespaces, the network
 * policies, the baseline, Argo CD and the network proof cannot disagree about them.
 *
 * <pre>{@code
 * ResolvedPlatform resolved = ResolvedPlatform.of(platform);
 * for (ResolvedPlatform.Environment environment : resolved.environments()) {
 *     environment.namespaces().forEach((name, namespace) -> System.out.println(name + " " + namespace.level()));
 * }
 * }</pre>
 *
 * @param platform     the validated platform
 * @param instances    every app instance, in the platform's order
 * @param environments each environment, in the platform's order
 */
public record ResolvedPlatform(Platform platform, List<AppInstance> instances, List<Environment> environments) {

    public ResolvedPlatform {
        Objects.requireNonNull(platform, "platform");
        instances = List.copyOf(instances);
        environments = List.copyOf(environments);
    }

    /** Resolves the platform: instances, namespaces with their levels and the declared graph of every environment. */
    public static ResolvedPlatform of(Platform platform) {
        List<AppInstance> instances = platform.instances();
        Map<String, List<AppInstance>> byEnvironment = new LinkedHashMap<>();
        platform.environments().forEach(e -> byEnvironment.put(e.name(), new ArrayList<>()));
        instances.forEach(i -> byEnvironment.get(i.environment().name()).add(i));
        List<Environment> environments = new ArrayList<>();
        for (dev.goldenpath.dsl.Environment environment : platform.environments()) {
            environments.add(Environment.of(platform, environment, byEnvironment.get(environment.name())));
        }
        return new ResolvedPlatform(platform, instances, environments);
    }

    /** The folder an instance is rendered to: {@code apps/<environment>/<app>}. */
    public static String folder(AppInstance instance) {
        return TreeLayout.appFolder(instance.environment().name(), instance.name());
    }

    /**
     * One environment, resolved.
     *
     * @param environment the environment of the spec
     * @param instances   its app instances, in the platform's order
     * @param namespaces  every namespace that holds an app instance, by name
     * @param edges       the declared connection graph, sorted by client then server
     */
    public record Environment(dev.goldenpath.dsl.Environment environment, List<AppInstance> instances,
                              SortedMap<String, Namespace> namespaces, List<Edge> edges,
                              Map<Endpoint, List<Edge>> edgesByEndpoint) {

        public Environment {
            Objects.requireNonNull(environment, "environment");
            instances = List.copyOf(instances);
            namespaces = Collections.unmodifiableSortedMap(new TreeMap<>(namespaces));
            edges = List.copyOf(edges);
            edgesByEndpoint = Map.copyOf(edgesByEndpoint);
        }

        static Environment of(Platform platform, dev.goldenpath.dsl.Environment environment, List<AppInstance> instances) {
            SortedMap<String, List<AppInstance>> members = new TreeMap<>();
            instances.forEach(i -> members.computeIfAbsent(i.namespace(), n -> new ArrayList<>()).add(i));
            SortedMap<String, Namespace> namespaces = new TreeMap<>();
            members.forEach((name, list) -> namespaces.put(name, new Namespace(name, Namespaces.level(list), list)));
            List<Edge> edges = Connections.of(platform, environment, instances);
            return new Environment(environment, instances, namespaces, edges, Connections.byEndpoint(edges));
        }

        /** The environment's name. */
        public String name() {
            return environment.name();
        }

        /** The edges that touch this instance, as client or as server (a per-app policy reads only these). */
        public List<Edge> edgesOf(AppInstance instance) {
            return edgesByEndpoint.getOrDefault(Connections.endpoint(instance), List.of());
        }

        /** The edges that touch this endpoint, e.g. the pods of a job an app runs before sync. */
        public List<Edge> edgesOf(Endpoint endpoint) {
            return edgesByEndpoint.getOrDefault(endpoint, List.of());
        }

        /** The instances of each team, by team name, each list sorted by app name. */
        public SortedMap<String, List<AppInstance>> byTeam() {
            SortedMap<String, List<AppInstance>> byTeam = new TreeMap<>();
            instances.stream().sorted(Comparator.comparing(AppInstance::name))
                    .forEach(i -> byTeam.computeIfAbsent(i.team().name(), t -> new ArrayList<>()).add(i));
            return byTeam;
        }
    }

    /**
     * A namespace that holds app instances.
     *
     * @param name    its name
     * @param level   the Pod Security level it enforces: restricted, unless a member's declared weakening needs less
     * @param members the instances in it, in the platform's order
     */
    public record Namespace(String name, PodSecurityLevel level, List<AppInstance> members) {

        public Namespace {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
            members = List.copyOf(members);
        }
    }
}
