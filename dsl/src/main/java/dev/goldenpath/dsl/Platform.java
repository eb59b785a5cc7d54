package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole platform: its GitOps repository, environments, teams and apps. A {@code Platform} only exists
 * when its spec is valid: {@link Builder#build()} checks everything at once and throws a
 * {@link SpecException} listing every violation.
 *
 * <pre>{@code
 * Platform acme = platform("acme")
 *     .gitRepository("https://git.example.com/platform/gitops.git")
 *     .environment(environment("production").cluster("https://kubernetes.default.svc"))
 *     .team(team("payments").owner("payments@acme.example"))
 *     .app(app("payments-api").team("payments").image("registry.example.com/payments-api:1.4.2").port(8080))
 *     .build();
 * }</pre>
 */
public final class Platform {

    /**
     * What a platform is made of: a record, so that the validator's walk ({@link SpecWalk}) sees its parts as it sees
     * every other value of a spec. Package-private: outside this package a platform comes only from {@code build()}.
     */
    record Parts(String name, String gitRepository, String gitRevision, String argocdNamespace,
                 List<Environment> environments, List<Team> teams, List<App> apps, Network network,
                 List<SecretStore> secretStores, Baseline baseline) {
        Parts {
            environments = Copies.list(environments);
            teams = Copies.list(teams);
            apps = Copies.list(apps);
            secretStores = Copies.list(secretStores);
        }
    }

    private final Parts parts;
    /** The first app of each name: rules look callees up by name for every edge, so not by a scan of every app. */
    private final Map<String, App> appIndex = new HashMap<>();
    /** The first team of each name, for the same reason: every app names its team. */
    private final Map<String, Team> teamIndex = new HashMap<>();

    /** Only {@link Builder#build()} (after validation) and the validator's clean copy create platforms. */
    Platform(Parts parts) {
        this.parts = parts;
        if (parts.apps() != null) {
            for (App app : parts.apps()) {
                if (app != null && app.name() != null) {
                    appIndex.putIfAbsent(app.name(), app);
                }
            }
        }
        if (parts.teams() != null) {
            for (Team team : parts.teams()) {
                if (team != null && team.name() != null) {
                    teamIndex.putIfAbsent(team.name(), team);
                }
            }
        }
    }

    Parts parts() {
        return parts;
    }

    /** The platform's name. */
    public String name() {
        return parts.name();
    }

    /** The GitOps repository the rendered tree is published to and Argo CD deploys from. */
    public String gitRepository() {
        return parts.gitRepository();
    }

    /** The branch or tag Argo CD follows. */
    public String gitRevision() {
        return parts.gitRevision();
    }

    /** The namespace Argo CD runs in. */
    public String argocdNamespace() {
        return parts.argocdNamespace();
    }

    /** The environments, in declaration order. */
    public List<Environment> environments() {
        return parts.environments();
    }

    /** The teams, in declaration order. */
    public List<Team> teams() {
        return parts.teams();
    }

    /** The apps, in declaration order. */
    public List<App> apps() {
        return parts.apps();
    }

    /** Where the ingress controller and the cluster DNS run, and whether the mesh is on. */
    public Network network() {
        return parts.network();
    }

    /** The secret stores apps' external secrets may read from. */
    public List<SecretStore> secretStores() {
        return parts.secretStores();
    }

    /** The cluster baseline settings. */
    public Baseline baseline() {
        return parts.baseline();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Platform p && parts.equals(p.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "Platform[" + parts.name() + "]";
    }

    public Optional<SecretStore> secretStore(String storeName) {
        return secretStores().stream().filter(s -> s.name().equals(storeName)).findFirst();
    }

    public Optional<Environment> environment(String environmentName) {
        return environments().stream().filter(e -> e.name().equals(environmentName)).findFirst();
    }

    public Optional<Team> team(String teamName) {
        return Optional.ofNullable(teamIndex.get(teamName));
    }

    public Optional<App> app(String appName) {
        return Optional.ofNullable(appIndex.get(appName));
    }

    /** Every app in every environment it is deployed to, sorted by environment then app name. */
    public List<AppInstance> instances() {
        List<AppInstance> instances = new ArrayList<>();
        Map<String, Team> teamsByName = teamsByName();
        for (Environment environment : environments()) {
            for (App app : apps()) {
                Instances.resolve(teamsByName, app, environment).ifPresent(instances::add);
            }
        }
        instances.sort(Comparator.comparing((AppInstance i) -> i.environment().name()).thenComparing(AppInstance::name));
        return List.copyOf(instances);
    }

    /** The instances of one environment, by namespace (both sorted by name). */
    public SortedMap<String, List<AppInstance>> namespaces(Environment environment) {
        return instances().stream()
                .filter(i -> i.environment().equals(environment))
                .collect(Collectors.groupingBy(AppInstance::namespace, TreeMap::new, Collectors.toList()));
    }

    /** Teams by name. */
    public Map<String, Team> teamsByName() {
        return teams().stream().collect(Collectors.toMap(Team::name, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** Builds a {@link Platform}; start with {@code GoldenPath.platform(name)}. */
    public static final class Builder {
        private final String name;
        private String gitRepository = "";
        private String gitRevision = "main";
        private String argocdNamespace = "argocd";
        private final List<Environment> environments = new ArrayList<>();
        private final List<Team> teams = new ArrayList<>();
        private final List<App> apps = new ArrayList<>();
        private Network network = Network.DEFAULT;
        private final List<SecretStore> secretStores = new ArrayList<>();
        private Baseline baseline = Baseline.DEFAULT;

        Builder(String name) {
            this.name = name;
        }

        /** The GitOps repository the rendered tree is published to and Argo CD deploys from. */
        public Builder gitRepository(String url) {
            this.gitRepository = url;
            return this;
        }

        /** The branch or tag Argo CD follows (default {@code main}). */
        public Builder gitRevision(String revision) {
            this.gitRevision = revision;
            return this;
        }

        /** The namespace Argo CD runs in (default {@code argocd}). */
        public Builder argocdNamespace(String namespace) {
            this.argocdNamespace = namespace;
            return this;
        }

        /** Where the ingress controller runs: its namespace and the labels of its pods. */
        public Builder ingressController(String namespace, Map<String, String> podLabels) {
            network = new Network(new Network.Peer(namespace, podLabels), network.dns(), network.mesh());
            return this;
        }

        /** Where the cluster DNS runs (default: kube-system, {@code k8s-app: kube-dns}). */
        public Builder dns(String namespace, Map<String, String> podLabels) {
            network = new Network(network.ingressController(), new Network.Peer(namespace, podLabels), network.mesh());
            return this;
        }

        /** Turns on the Istio service mesh: mutual TLS everywhere and per-app authorization by identity. */
        public Builder istioMesh() {
            network = new Network(network.ingressController(), network.dns(), true);
            return this;
        }

        /** A secret store that apps' external secrets may read from. */
        public Builder secretStore(SecretStore store) {
            secretStores.add(store);
            return this;
        }

        /** The cluster baseline (admission, image signatures, Falco, Trivy); default {@link Baseline#DEFAULT}. */
        public Builder baseline(Baseline.Builder settings) {
            this.baseline = settings == null ? null : settings.build();
            return this;
        }

        public Builder environment(Environment.Builder environment) {
            return environment(environment == null ? null : environment.build());
        }

        public Builder environment(Environment environment) {
            environments.add(environment);
            return this;
        }

        public Builder team(Team team) {
            teams.add(team);
            return this;
        }

        public Builder app(WorkloadBuilder<?> app) {
            return app(app == null ? null : app.build());
        }

        public Builder app(App app) {
            apps.add(app);
            return this;
        }

        /**
         * Validates the whole platform and returns it.
         *
         * @throws SpecException listing every violation, when there is any
         */
        public Platform build() {
            Platform platform = new Platform(new Parts(name, gitRepository, gitRevision, argocdNamespace, environments,
                    teams, apps, network, secretStores, baseline));
            Problems problems = new Problems();
            SpecWalk.Walked walked = SpecWalk.clean(platform, problems, new TextRules(problems));
            List<Violation> violations = new ArrayList<>(problems.list());
            new Validator(walked.platform()).validate().stream()
                    .filter(v -> !walked.repeatsMissing(v.path()))
                    .forEach(violations::add);
            if (!violations.isEmpty()) {
                throw new SpecException(name, violations);
            }
            return platform;
        }
    }
}
