package dev.goldenpath.generators.argocd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One AppProject's allow-lists as Argo CD's project checks read them (destinations, namespaced kinds, cluster-scoped
 * resources, source repositories), indexed for the consistency check: literal entries are looked up, only real
 * patterns are matched. A team with a namespace per app has a destination per app, and every object of the team is
 * checked against them: matching each object against each destination was quadratic (issue 18).
 *
 * <p>Matching follows Argo CD: every field is a Go {@code path.Match} glob, {@code *} alone matches anything, a
 * malformed pattern matches nothing, a destination without namespace matches the empty namespace, a missing group
 * is the core group {@code ""}.
 */
final class ProjectBounds {

    private final List<Predicate<String>> sourceRepos;
    private final Map<String, Set<String>> literalDestinations = new HashMap<>();
    private final List<PatternPair> patternDestinations = new ArrayList<>();
    private final boolean everyNamespacedKind;
    private final Set<List<String>> literalKinds = new HashSet<>();
    private final List<PatternPair> patternKinds = new ArrayList<>();
    private final List<AppProject.ClusterResource> clusterResources;
    /** The first whitelist entry of each literal (group, kind, name), and of each literal (group, kind) for any name. */
    private final Map<List<String>, Integer> literalResources = new HashMap<>();
    private final List<PatternResource> patternResources = new ArrayList<>();

    private record PatternPair(Predicate<String> first, Predicate<String> second) {
        boolean matches(String a, String b) {
            return first.test(a) && second.test(b);
        }
    }

    private record PatternResource(int index, Predicate<String> group, Predicate<String> kind, Predicate<String> name) {
    }

    ProjectBounds(AppProject.Spec spec) {
        sourceRepos = spec.sourceRepos().stream().map(r -> glob(orEmpty(r))).toList();
        for (Application.Destination destination : spec.destinations()) {
            if (destination.server() == null) {
                continue; // a destination by cluster name: the rendered Applications name their server
            }
            String namespace = orEmpty(destination.namespace());
            Optional<Set<String>> namespaces = Alternation.expand(namespace);
            if (literal(destination.server()) && namespaces.isPresent()) {
                // A literal or an alternation of literals (Alternation): exactly these names, looked up.
                literalDestinations.computeIfAbsent(destination.server(), s -> new HashSet<>()).addAll(namespaces.get());
            } else {
                patternDestinations.add(new PatternPair(glob(destination.server()), glob(namespace)));
            }
        }
        everyNamespacedKind = spec.namespaceResourceWhitelist().isEmpty();
        for (AppProject.GroupKind kind : spec.namespaceResourceWhitelist()) {
            String group = orEmpty(kind.group());
            if (literal(group) && literal(kind.kind())) {
                literalKinds.add(List.of(group, kind.kind()));
            } else {
                patternKinds.add(new PatternPair(glob(group), glob(kind.kind())));
            }
        }
        clusterResources = spec.clusterResourceWhitelist();
        for (int i = 0; i < clusterResources.size(); i++) {
            AppProject.ClusterResource resource = clusterResources.get(i);
            String group = orEmpty(resource.group());
            String name = orEmpty(resource.name());
            if (literal(group) && literal(resource.kind()) && literal(name)) {
                literalResources.putIfAbsent(name.isEmpty() ? List.of(group, resource.kind())
                        : List.of(group, resource.kind(), name), i);
            } else {
                patternResources.add(new PatternResource(i, glob(group), glob(resource.kind()),
                        name.isEmpty() ? n -> true : glob(name)));
            }
        }
    }

    /**
     * Every (server, namespace) the project allows by name or by an alternation of names, by server: what the check
     * requires some Application of the project to use, so that a project allows exactly the namespaces used.
     */
    Map<String, Set<String>> listedDestinations() {
        return literalDestinations;
    }

    /** Whether the project's Applications may read this repository. */
    boolean sourceAllowed(String repository) {
        return sourceRepos.stream().anyMatch(r -> r.test(repository));
    }

    /** Argo CD's {@code isDestinationMatched}: this server and namespace are a destination of the project. */
    boolean destinationAllowed(String server, String namespace) {
        Set<String> namespaces = literalDestinations.get(server);
        if (namespaces != null && namespaces.contains(namespace)) {
            return true;
        }
        return patternDestinations.stream().anyMatch(d -> d.matches(server, namespace));
    }

    /** Whether the project admits a namespaced object of this group and kind (an empty whitelist admits all). */
    boolean namespacedKindAllowed(String group, String kind) {
        return everyNamespacedKind || literalKinds.contains(List.of(group, kind))
                || patternKinds.stream().anyMatch(k -> k.matches(group, kind));
    }

    /** The first whitelist entry that admits this cluster-scoped object, as Argo CD reads the list. */
    Optional<AppProject.ClusterResource> clusterGrant(String group, String kind, String name) {
        int first = Math.min(literalResources.getOrDefault(List.of(group, kind, name), Integer.MAX_VALUE),
                literalResources.getOrDefault(List.of(group, kind), Integer.MAX_VALUE));
        for (PatternResource resource : patternResources) {
            if (resource.index() >= first) {
                break;
            }
            if (resource.group().test(group) && resource.kind().test(kind) && resource.name().test(name)) {
                first = resource.index();
                break;
            }
        }
        return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(clusterResources.get(first));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean literal(String pattern) {
        return GoGlob.isLiteral(pattern);
    }

    // Argo CD's glob.Match: "*" alone matches anything (URLs included), else path.Match.
    private static Predicate<String> glob(String pattern) {
        if ("*".equals(pattern)) {
            return value -> true;
        }
        GoGlob compiled = GoGlob.compile(pattern);
        return value -> compiled.matches(value, false);
    }
}
