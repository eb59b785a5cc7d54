package dev.goldenpath.generators.argocd;

import dev.goldenpath.dsl.Platform;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rules every rendered AppProject follows, whatever its Applications hold: exactly the GitOps repository,
 * orphaned-resource warnings, no wildcard destination, cluster-scoped grants by name only, and nothing allowed that
 * no Application of the project uses (a destination namespace, listed or in an {@link Alternation}, or a
 * cluster-scoped grant). The consistency check records here what each project's Applications use while it evaluates
 * them.
 */
final class LockedDown {

    private final Platform platform;
    private final List<String> problems;
    /** The (server, namespace) pairs each project's Applications and their objects use. */
    private final Map<String, Set<List<String>>> usedDestinations = new HashMap<>();
    /** The cluster-scoped grants each project's Applications use. */
    private final Map<String, Set<AppProject.ClusterResource>> usedGrants = new HashMap<>();

    LockedDown(Platform platform, List<String> problems) {
        this.platform = platform;
        this.problems = problems;
    }

    /** An Application of the project, or one of its objects, deploys to this namespace of this server. */
    void usesDestination(String project, String server, String namespace) {
        usedDestinations.computeIfAbsent(project, p -> new HashSet<>()).add(List.of(server, namespace));
    }

    /** An object of one of the project's Applications is admitted by this cluster-scoped grant. */
    void usesGrant(String project, AppProject.ClusterResource grant) {
        usedGrants.computeIfAbsent(project, p -> new HashSet<>()).add(grant);
    }

    /** Adds a problem for every project that breaks a rule, once every Application has been evaluated. */
    void check(Map<String, AppProject> projects, Map<String, ApplicationSet> applicationSets,
               Function<AppProject, ProjectBounds> bounds) {
        for (AppProject project : projects.values()) {
            String where = "AppProject " + project.getMetadata().getName();
            AppProject.Spec spec = project.spec();
            if (!spec.sourceRepos().equals(List.of(platform.gitRepository()))) {
                problems.add(where + ": sourceRepos must be exactly the GitOps repository, is " + spec.sourceRepos());
            }
            if (spec.orphanedResources() == null || !Boolean.TRUE.equals(spec.orphanedResources().warn())) {
                problems.add(where + ": orphaned-resource warnings must be on");
            }
            for (Application.Destination destination : spec.destinations()) {
                if (destination.server() == null || destination.server().contains("*")
                        || destination.namespace() != null && destination.namespace().contains("*")) {
                    problems.add(where + ": destination " + destination + " is a wildcard");
                } else if (destination.namespace() != null && destination.namespace().indexOf('{') >= 0
                        && Alternation.expand(destination.namespace()).isEmpty()) {
                    problems.add(where + ": destination namespace " + destination.namespace() + " is a pattern whose"
                            + " matches cannot be listed (only one alternation of literal names, a{b,c}d, is exact)");
                }
            }
            unusedDestinations(project, bounds.apply(project), where);
            for (AppProject.ClusterResource resource : spec.clusterResourceWhitelist()) {
                if (!usedGrants.getOrDefault(project.getMetadata().getName(), Set.of()).contains(resource)) {
                    problems.add(where + ": allows cluster-scoped " + resource.kind() + " " + resource.name()
                            + ", which no folder of its Applications holds");
                }
                if (resource.name() == null || resource.name().isEmpty() || !GoGlob.isLiteral(resource.name())
                        || !GoGlob.isLiteral(resource.kind()) || !GoGlob.isLiteral(resource.group())) {
                    problems.add(where + ": cluster-scoped " + resource.kind() + " is allowed by pattern, not by name");
                }
            }
        }
        SortedSet<String> used = new TreeSet<>();
        applicationSets.values().forEach(s -> {
            if (s.spec().template() != null && s.spec().template().spec() != null) {
                used.add(String.valueOf(s.spec().template().spec().project()));
            }
        });
        Map<String, AppProject> unused = new LinkedHashMap<>(projects);
        unused.keySet().removeAll(used);
        unused.keySet().forEach(p -> problems.add("AppProject " + p + " is used by no ApplicationSet"));
    }

    // A project allows exactly the namespaces its Applications use: every destination listed by name, or in an
    // alternation of names, is the destination of one of its Applications or the namespace of one of their objects.
    private void unusedDestinations(AppProject project, ProjectBounds bounds, String where) {
        Set<List<String>> used = usedDestinations.get(project.getMetadata().getName());
        if (used == null) {
            return; // no Application uses the project: reported as a project no ApplicationSet uses, or per set
        }
        SortedSet<String> unused = new TreeSet<>();
        bounds.listedDestinations().forEach((server, namespaces) -> namespaces.forEach(namespace -> {
            if (!used.contains(List.of(server, namespace))) {
                unused.add(namespace.isEmpty() ? server + " without a namespace" : "namespace " + namespace + " on " + server);
            }
        }));
        unused.forEach(u -> problems.add(where + ": allows " + u + ", which none of its Applications deploys to"));
    }
}
