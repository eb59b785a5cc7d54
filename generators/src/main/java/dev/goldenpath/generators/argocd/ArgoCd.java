package dev.goldenpath.generators.argocd;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Cluster;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.dsl.ViolationCode;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.resolved.Manifests.Manifest;
import dev.goldenpath.generators.yaml.RenderedObject;
import dev.goldenpath.generators.resolved.ResolvedPlatform;
import dev.goldenpath.generators.argocd.ApplicationSet.Generator;
import dev.goldenpath.generators.argocd.ApplicationSet.PathItem;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Argo CD for the rendered tree: per environment, one locked-down AppProject and one ApplicationSet per team,
 * and one pair for the platform folder, all placed in {@code argocd/<environment>/}.
 *
 * <ul>
 *   <li>Team {@code T} in environment {@code E}: AppProject and ApplicationSet {@code T-E}. The set's git
 *       directory generator lists exactly the team's app folders ({@code apps/E/<app>}, no wildcards), and its
 *       template names the project as a literal: no folder anyone pushes can move an Application into another
 *       project. Multi-cluster environments fan out by a matrix of those folders and a list of the clusters.</li>
 *   <li>The project allows the GitOps repository only, the team's namespaces on the clusters the apps run on,
 *       the namespaced kinds the team's folders hold, and cluster-scoped objects only by exact kind and name
 *       when the folders hold them (a declared ClusterRole); orphaned-resource warnings are on.</li>
 *   <li>The platform folder ({@code platform/E}) is synced by ApplicationSet {@code platform-E} in project
 *       {@code platform-E}, which may create exactly the Namespaces (by name) and the kinds that folder holds.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Manifest> argo = ArgoCd.render(ResolvedPlatform.of(platform), generated);
 * ArgoCd.check(platform, rendering.tree()).orThrow();
 * }</pre>
 */
public final class ArgoCd {

    /** Argo CD's finalizer that keeps an AppProject while Applications still reference it. */
    static final String PROJECT_FINALIZER = "resources-finalizer.argocd.argoproj.io";
    /** The longest Application name that still fits Argo CD's label-based resource tracking (a label value). */
    static final int MAX_APPLICATION_NAME = 63;

    private ArgoCd() {
    }

    /** The folder an environment's Argo CD objects are placed in. */
    public static String folder(Environment environment) {
        return TreeLayout.argocdFolder(environment.name());
    }

    /** The AppProject and ApplicationSet of a team in an environment. */
    public static String projectName(String team, Environment environment) {
        return team + "-" + environment.name();
    }

    /** The AppProject and ApplicationSet of an environment's platform folder. */
    public static String platformProjectName(Environment environment) {
        return "platform-" + environment.name();
    }

    /**
     * The Argo CD objects of every environment, placed in {@code argocd/<environment>/}.
     *
     * @param resolved  the platform, resolved once
     * @param generated every object generated for {@code apps/} and {@code platform/}: the projects allow exactly
     *                  the kinds (and cluster-scoped names) these hold
     * @throws SpecException when two Argo CD objects would get the same name, or an Application name is too long
     */
    public static List<Manifest> render(ResolvedPlatform resolved, List<Manifest> generated) {
        Platform platform = resolved.platform();
        List<Manifest> result = new ArrayList<>();
        Names names = new Names();
        // Indexed once: per-team lookups must not scan every generated object (10 000 apps, 1 000 teams).
        Map<String, List<HasMetadata>> byFolder = new java.util.LinkedHashMap<>();
        generated.forEach(m -> byFolder.computeIfAbsent(m.folder(), f -> new ArrayList<>()).add(m.object()));
        for (ResolvedPlatform.Environment resolvedEnvironment : resolved.environments()) {
            Environment environment = resolvedEnvironment.environment();
            String folder = folder(environment);
            SortedMap<String, List<AppInstance>> byTeam = resolvedEnvironment.byTeam();
            String platformFolder = TreeLayout.platformFolder(environment.name());
            List<HasMetadata> platformObjects = objects(byFolder,
                    f -> f.equals(platformFolder) || f.startsWith(platformFolder + "/"));
            if (!platformObjects.isEmpty()) {
                String platformProject = platformProjectName(environment);
                names.project(platformProject, "environments[" + environment.name() + "]");
                result.add(new Manifest(folder, platformProject(platform, environment, platformObjects)));
                result.add(new Manifest(folder, platformApplicationSet(platform, environment, names)));
            }
            for (Map.Entry<String, List<AppInstance>> team : byTeam.entrySet()) {
                String project = projectName(team.getKey(), environment);
                names.project(project, "teams[" + team.getKey() + "]");
                result.add(new Manifest(folder, teamProject(platform, environment, team.getKey(), team.getValue(), byFolder)));
                result.add(new Manifest(folder, teamApplicationSet(platform, environment, team.getKey(), team.getValue(), names)));
            }
        }
        names.throwIfAny(platform);
        return result;
    }

    /**
     * Evaluates every ApplicationSet of the tree against the tree itself and the platform's clusters, as the
     * ApplicationSet controller would, and checks that they deploy exactly the rendered app folders, each to
     * the clusters and namespace of its instance and in its team's project, and the platform folder of every
     * environment to each of its clusters; and that every project admits what its Applications hold.
     */
    public static ConsistencyReport check(Platform platform, RenderedTree tree) {
        return new Consistency(platform, tree, Map.of()).check();
    }

    /**
     * The same check, given the objects the tree was just written from (path to record, as the Renderer has them),
     * so that none of the tree's files is parsed again.
     */
    public static ConsistencyReport check(Platform platform, RenderedTree tree, Map<String, RenderedObject> emitted) {
        return new Consistency(platform, tree, emitted).check();
    }

    private static AppProject teamProject(Platform platform, Environment environment, String team,
                                          List<AppInstance> instances, Map<String, List<HasMetadata>> byFolder) {
        SortedSet<String> folders = new TreeSet<>();
        instances.forEach(i -> folders.add(appFolder(i)));
        List<HasMetadata> objects = new ArrayList<>();
        for (String folder : folders) {
            objects.addAll(byFolder.getOrDefault(folder, List.of()));
        }
        // Destinations: each instance's namespace on each cluster it runs on, and nothing else.
        SortedMap<String, SortedSet<String>> destinations = new TreeMap<>();
        for (AppInstance instance : instances) {
            for (Cluster cluster : instance.clusters()) {
                destinations.computeIfAbsent(cluster.server(), s -> new TreeSet<>()).add(instance.namespace());
            }
        }
        List<Application.Destination> allowed = new ArrayList<>();
        destinations.forEach((server, namespaces) -> allowed.addAll(Destinations.of(server, namespaces)));
        String description = ProjectDescription.team(team, environment.name(),
                instances.stream().map(AppInstance::name).toList());
        return new AppProject(metadata(platform, projectName(team, environment), environment, team, true),
                new AppProject.Spec(description, List.of(platform.gitRepository()), allowed,
                        clusterResources(objects), namespacedKinds(objects), AppProject.OrphanedResources.WARN));
    }

    private static AppProject platformProject(Platform platform, Environment environment, List<HasMetadata> objects) {
        List<Application.Destination> destinations = new ArrayList<>();
        SortedSet<String> namespaces = new TreeSet<>();
        objects.stream().filter(o -> !clusterScoped(o)).forEach(o -> namespaces.add(o.getMetadata().getNamespace()));
        for (Cluster cluster : environment.clusters()) {
            // The platform Application has no destination namespace (its objects name theirs): Argo CD matches
            // that empty namespace against a destination without one.
            destinations.add(Application.Destination.server(cluster.server(), null));
            destinations.addAll(Destinations.of(cluster.server(), namespaces));
        }
        String description = ProjectDescription.platform(environment.name());
        return new AppProject(metadata(platform, platformProjectName(environment), environment, "platform", true),
                new AppProject.Spec(description, List.of(platform.gitRepository()), destinations,
                        clusterResources(objects), namespacedKinds(objects), AppProject.OrphanedResources.WARN));
    }

    private static ApplicationSet teamApplicationSet(Platform platform, Environment environment, String team,
                                                     List<AppInstance> instances, Names names) {
        boolean multiCluster = environment.clusters().size() > 1;
        // One generator per (clusters, namespace) group: the folders are literal paths, the namespace a value of the
        // generator, the clusters literal list elements. Apps alone in a namespace named after them share one
        // generator whose namespace is derived from the folder (DerivedNamespace): a namespace per app is one
        // generator, not one per app.
        for (AppInstance instance : instances) {
            for (Cluster cluster : instance.clusters()) {
                names.application(applicationName(environment, instance.name(), multiCluster ? cluster.name() : null),
                        "apps[" + instance.name() + "]");
            }
        }
        List<Generator> generators = new ArrayList<>();
        for (DerivedNamespace.Group group : DerivedNamespace.groups(instances)) {
            ApplicationSet.Git git = new ApplicationSet.Git(platform.gitRepository(), platform.gitRevision(),
                    group.instances().stream().map(i -> PathItem.include(appFolder(i))).toList(), List.of(), null,
                    Map.of("namespace", group.namespace()));
            generators.add(fanOut(Generator.git(git), group.instances().get(0).clusters(), multiCluster));
        }
        Application.Spec spec = new Application.Spec(projectName(team, environment),
                new Application.Source(platform.gitRepository(), platform.gitRevision(), "{{.path.path}}"),
                destination(environment, multiCluster, "{{.values.namespace}}"),
                Application.SyncPolicy.automated(SyncOptions.TEAM));
        String name = environment.name() + "-{{.path.basename}}" + (multiCluster ? "-{{.cluster}}" : "");
        return applicationSet(platform, environment, team, projectName(team, environment), generators, name, spec);
    }

    private static ApplicationSet platformApplicationSet(Platform platform, Environment environment, Names names) {
        boolean multiCluster = environment.clusters().size() > 1;
        String project = platformProjectName(environment);
        for (Cluster cluster : environment.clusters()) {
            names.application(multiCluster ? project + "-" + cluster.name() : project,
                    "environments[" + environment.name() + "]");
        }
        ApplicationSet.Git git = ApplicationSet.Git.directories(platform.gitRepository(), platform.gitRevision(),
                List.of(PathItem.include(TreeLayout.platformFolder(environment.name()))));
        Application.Spec spec = new Application.Spec(project,
                new Application.Source(platform.gitRepository(), platform.gitRevision(), "{{.path.path}}"),
                destination(environment, multiCluster, null),
                Application.SyncPolicy.automated(SyncOptions.PLATFORM));
        String name = project + (multiCluster ? "-{{.cluster}}" : "");
        return applicationSet(platform, environment, "platform", project,
                List.of(fanOut(Generator.git(git), environment.clusters(), multiCluster)), name, spec);
    }

    private static Generator fanOut(Generator folders, List<Cluster> clusters, boolean multiCluster) {
        if (!multiCluster) {
            return folders;
        }
        List<Map<String, Object>> elements = clusters.stream()
                .<Map<String, Object>>map(c -> Map.of("cluster", c.name(), "server", c.server())).toList();
        return Generator.matrix(folders, Generator.list(elements));
    }

    private static Application.Destination destination(Environment environment, boolean multiCluster, String namespace) {
        return Application.Destination.server(multiCluster ? "{{.server}}" : environment.clusters().get(0).server(),
                namespace);
    }

    private static ApplicationSet applicationSet(Platform platform, Environment environment, String owner,
                                                 String name, List<Generator> generators, String applicationName,
                                                 Application.Spec spec) {
        Map<String, String> labels = labels(platform, environment, owner);
        return new ApplicationSet(metadata(platform, name, environment, owner, false),
                new ApplicationSet.Spec(true, List.of(ApplicationSet.MISSING_KEY_ERROR), generators,
                        new ApplicationSet.Template(new ApplicationSet.TemplateMeta(applicationName, null, labels,
                                Map.of(), List.of()), spec),
                        // Argo CD ApplicationSet docs ("Application Pruning & Resource Deletion"): without it, an
                        // app folder that vanishes from a generator's view deletes the app's objects in the cluster.
                        new ApplicationSet.SyncPolicy(true, null)));
    }

    static String applicationName(Environment environment, String app, String cluster) {
        return environment.name() + "-" + app + (cluster == null ? "" : "-" + cluster);
    }

    static String appFolder(AppInstance instance) {
        return ResolvedPlatform.folder(instance);
    }

    private static ObjectMeta metadata(Platform platform, String name, Environment environment, String owner,
                                       boolean project) {
        ObjectMetaBuilder metadata = new ObjectMetaBuilder().withName(name).withNamespace(platform.argocdNamespace())
                .withLabels(labels(platform, environment, owner));
        if (project) {
            metadata.withFinalizers(PROJECT_FINALIZER);
        }
        return metadata.build();
    }

    private static Map<String, String> labels(Platform platform, Environment environment, String owner) {
        Map<String, String> labels = LabelKeys.managed(platform.name());
        labels.put(Labels.ENVIRONMENT, environment.name());
        labels.put(Labels.OWNER, owner);
        return labels;
    }

    private static List<HasMetadata> objects(Map<String, List<HasMetadata>> byFolder, Predicate<String> folder) {
        List<HasMetadata> objects = new ArrayList<>();
        byFolder.forEach((name, list) -> {
            if (folder.test(name)) {
                objects.addAll(list);
            }
        });
        return objects;
    }

    // fabric8 marks namespaced kinds; anything else without a namespace is treated as cluster-scoped.
    static boolean clusterScoped(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return !(object instanceof Namespaced) && (namespace == null || namespace.isEmpty());
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static List<AppProject.ClusterResource> clusterResources(List<HasMetadata> objects) {
        SortedSet<List<String>> resources = new TreeSet<>(Comparator.comparing((List<String> r) -> r.get(0))
                .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2)));
        objects.stream().filter(ArgoCd::clusterScoped).forEach(o -> resources.add(
                List.of(group(o.getApiVersion()), o.getKind(), o.getMetadata().getName())));
        return resources.stream().map(r -> new AppProject.ClusterResource(r.get(0), r.get(1), r.get(2))).toList();
    }

    private static List<AppProject.GroupKind> namespacedKinds(List<HasMetadata> objects) {
        SortedSet<List<String>> kinds = new TreeSet<>(Comparator.comparing((List<String> r) -> r.get(0))
                .thenComparing(r -> r.get(1)));
        objects.stream().filter(o -> !clusterScoped(o)).forEach(o -> kinds.add(List.of(group(o.getApiVersion()), o.getKind())));
        return kinds.stream().map(k -> new AppProject.GroupKind(k.get(0), k.get(1))).toList();
    }

    /** Sync options, each a documented choice (docs/argocd.md, "Defaults and why"). */
    static final class SyncOptions {

        /** Teams never create namespaces: the platform renders them with Pod Security labels and default-deny. */
        static final List<String> TEAM = List.of("CreateNamespace=false", "FailOnSharedResource=true",
                "PruneLast=true", "PrunePropagationPolicy=foreground");
        /** The platform folder: the same, and it never creates namespaces implicitly either. */
        static final List<String> PLATFORM = TEAM;

        private SyncOptions() {
        }
    }

    /** Name collisions between Argo CD objects, all collected before anything is thrown. */
    private static final class Names {
        private final Map<String, String> projects = new TreeMap<>();
        private final Map<String, String> applications = new TreeMap<>();
        private final List<Violation> violations = new ArrayList<>();

        void project(String name, String path) {
            String previous = projects.putIfAbsent(name, path);
            if (previous != null) {
                violations.add(new Violation(ViolationCode.ARGOCD_PROJECT_NAME_COLLISION, path, name,
                        "the Argo CD project and ApplicationSet name " + name
                        + " is also the one of " + previous, "rename the team or the environment"));
            }
        }

        void application(String name, String path) {
            if (name.length() > MAX_APPLICATION_NAME) {
                violations.add(new Violation(ViolationCode.NAME_ARGOCD_APPLICATION_TOO_LONG, path, name,
                        "the Argo CD Application name is longer than "
                        + MAX_APPLICATION_NAME + " characters (Argo CD's tracking label holds it)",
                        "use shorter environment, app or cluster names"));
            }
            String previous = applications.putIfAbsent(name, path);
            if (previous != null) {
                violations.add(new Violation(ViolationCode.ARGOCD_APPLICATION_NAME_COLLISION, path, name,
                        "the Argo CD Application name " + name
                        + " is also the one of " + previous, "rename the app, environment or cluster"));
            }
        }

        void throwIfAny(Platform platform) {
            if (!violations.isEmpty()) {
                throw new SpecException(platform.name(), violations);
            }
        }
    }
}
