package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Environments and their clusters, and where each app is deployed: the environments it names exist, its overrides
 * change an environment it runs in, once, and its namespace in each is a name Kubernetes accepts.
 */
record EnvironmentRules(Platform platform, Problems problems) {

    /** The {@code pod-security.kubernetes.io/enforce-version} label: "latest" or a Kubernetes minor version. */
    private static final Pattern PSS_VERSION = Pattern.compile("^(latest|v1\\.[0-9]{1,3})$");

    /** The environment names, sorted, as hints list them. */
    static List<String> names(Platform platform) {
        return platform.environments().stream().map(Environment::name).distinct().sorted().toList();
    }

    void environments() {
        Set<String> names = new HashSet<>();
        if (platform.environments().isEmpty()) {
            problems.add(ViolationCode.PLATFORM_NO_ENVIRONMENTS,
                    FieldPath.root("environments"), "[]", "a platform needs at least one environment",
                    "add .environment(environment(\"production\").cluster(\"https://kubernetes.default.svc\"))");
        }
        for (Environment environment : platform.environments()) {
            FieldPath path = FieldPath.environment(environment.name());
            problems.addIf(ViolationCode.NAME_DNS1123_LABEL,
                    path.field("name"), environment.name(), Names.dns1123Label(environment.name()),
                    "use e.g. 'staging'");
            if (!names.add(environment.name())) {
                problems.add(ViolationCode.ENVIRONMENT_DUPLICATE,
                        path, environment.name(), "environment names must be unique", "rename one of them");
            }
            if (environment.clusters().isEmpty()) {
                problems.add(ViolationCode.ENVIRONMENT_NO_CLUSTERS,
                        path.field("clusters"), "[]", "an environment needs at least one cluster",
                        "add .cluster(\"https://kubernetes.default.svc\")");
            }
            clusters(environment, path);
            if (!PSS_VERSION.matcher(environment.podSecurityVersion()).matches()) {
                problems.add(ViolationCode.ENVIRONMENT_PSS_VERSION_INVALID,
                        path.field("podSecurityVersion"), environment.podSecurityVersion(),
                        "a Pod Security Standards version is 'latest' or 'v1.<minor>'", "use e.g. 'v1.33' or 'latest'");
            }
        }
    }

    private void clusters(Environment environment, FieldPath path) {
        Set<String> names = new HashSet<>();
        for (Cluster cluster : environment.clusters()) {
            FieldPath clusterPath = path.field("clusters").key(cluster.name());
            problems.addIf(ViolationCode.NAME_DNS1123_LABEL,
                    clusterPath.field("name"), cluster.name(), Names.dns1123Label(cluster.name()),
                    "use e.g. 'prod-eu-1'");
            if (!names.add(cluster.name())) {
                problems.add(ViolationCode.CLUSTER_DUPLICATE,
                        clusterPath, cluster.name(), "cluster names must be unique in an environment",
                        "rename one of them");
            }
            Urls.https(cluster.server()).ifPresent(p -> problems.add(ViolationCode.CLUSTER_SERVER_INVALID,
                    clusterPath.field("server"), cluster.server(),
                    "a cluster's API server must be an https:// URL: " + p, "use e.g. https://kubernetes.default.svc"));
            new MetadataRules(platform, problems).labels(clusterPath.field("labels"), cluster.labels());
        }
    }

    /** The environments an app names (onlyIn), its overrides, and its namespace in each environment it runs in. */
    void app(App app, FieldPath path) {
        for (String environment : app.placement().environments()) {
            if (platform.environment(environment).isEmpty()) {
                problems.add(ViolationCode.ENVIRONMENT_UNKNOWN,
                        path.field("onlyIn").key(environment), environment, "unknown environment",
                        "use one of " + names(platform));
            }
        }
        Set<String> overridden = new HashSet<>();
        for (EnvironmentOverride override : app.placement().overrides()) {
            override(app, override, path.field("in").key(override.environment()), overridden);
        }
        for (Environment environment : platform.environments()) {
            if (!Instances.deployedIn(app, environment)) {
                continue;
            }
            String namespace = Instances.namespace(app, environment);
            String problem = Names.dns1123Label(namespace);
            if (problem != null) {
                problems.add(ViolationCode.NAMESPACE_INVALID,
                        path.field("namespace"), namespace, "the namespace in " + environment.name() + " " + problem,
                        "change the namespace pattern ('" + app.placement().namespace().orElse(environment.namespacePattern()) + "')");
            }
        }
    }

    private void override(App app, EnvironmentOverride override, FieldPath path, Set<String> overridden) {
        Optional<Environment> environment = platform.environment(override.environment());
        if (environment.isEmpty()) {
            problems.add(ViolationCode.ENVIRONMENT_UNKNOWN,
                    path, override.environment(), "unknown environment", "use one of " + names(platform));
        } else if (!Instances.deployedIn(app, environment.get())) {
            problems.add(ViolationCode.ENVIRONMENT_NOT_DEPLOYED,
                    path, override.environment(), "the app is not deployed to this environment (see onlyIn)",
                    "remove the override or add the environment to onlyIn");
        }
        if (!overridden.add(override.environment())) {
            problems.add(ViolationCode.ENVIRONMENT_OVERRIDE_DUPLICATE,
                    path, override.environment(), "the environment is overridden twice", "merge the overrides");
        }
        override.replicas().ifPresent(r -> new WorkloadRules(platform, problems).replicas(path.field("replicas"), r));
        override.resources().ifPresent(r -> new ResourceRules(problems).resources(path.field("resources"), r));
        override.imageTag().ifPresent(tag -> new ImageRules(problems).tag(path.field("imageTag"), tag));
        environment.ifPresent(env -> {
            for (String cluster : override.clusters()) {
                if (env.clusters().stream().noneMatch(c -> c.name().equals(cluster))) {
                    problems.add(ViolationCode.CLUSTER_UNKNOWN,
                            path.field("clusters").key(cluster), cluster, "unknown cluster of environment "
                            + env.name(), "use one of " + env.clusters().stream().map(Cluster::name).toList());
                }
            }
        });
    }
}
