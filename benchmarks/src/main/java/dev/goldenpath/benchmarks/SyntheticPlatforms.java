package dev.goldenpath.benchmarks;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.job;
import static dev.goldenpath.dsl.GoldenPath.leaderElection;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.maxUnavailable;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.tcpSocket;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static dev.goldenpath.dsl.GoldenPath.worker;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.extension.AppContext;
import dev.goldenpath.generators.extension.PlatformGenerator;
import java.util.Base64;
import java.util.Locale;

/**
 * Platforms of any size, shaped like real ones. Each {@link Shape} stresses another index of the renderer: many
 * teams, one team with a namespace per app, many environments and clusters, hundreds of callers into one app, and
 * every feature the DSL has.
 */
public final class SyntheticPlatforms {

    /** The platform shapes the render benchmarks run. */
    public enum Shape {
        /** Teams of ten apps, one namespace per team and environment; two ports, probes, resources, a writable path. */
        TEAMS,
        /**
         * One team owning every app, each in its own namespace, each called by the next app in a ring on 8080 and
         * reading pods (the shape of issue 18: one project with thousands of destinations).
         */
        ONE_TEAM,
        /**
         * Teams of ten in four environments; production on three clusters and staging on two, apps pinned to some
         * of them: Argo CD's matrix generators and per-cluster destinations.
         */
        MANY_ENVS,
        /** Groups of 300 apps in one namespace where every app calls the group's hub: a fan-in of 299 callers. */
        FAN_IN,
        /**
         * Every feature the DSL has today, cycled over the apps: autoscaling, disruption budgets, rollouts, sealed
         * and external secrets, permissions, external egress, ingress controller and namespace callers, runtime
         * profiles, tolerations, weakenings, overrides per environment, the mesh, two environments.
         */
        MIX,
        /**
         * Every workload kind, cycled over the apps in teams of ten: services exposed through a Gateway, workers,
         * scheduled jobs, stateful services with volumes and peers, services with a job before sync, a config file,
         * an init container and a native sidecar; each team's apps call the team's first service.
         */
        KINDS,
        /**
         * {@link #TEAMS} rendered with a platform team's generator ({@link SyntheticPlatforms#renderer}) that adds two
         * objects to every app as YAML text, as a team's own golden-path parts do: a ServiceMonitor, a kind fabric8
         * does not model, and a ConfigMap, one it does. Each object's kind is looked up among fabric8's models.
         */
        EXTENSIONS;

        /** The shape's name on the command line and in the JSON lines, e.g. {@code one-team}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The shape of a command-line name. */
        public static Shape of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static final String CIPHERTEXT = ciphertext();

    private SyntheticPlatforms() {
    }

    /** A {@link Shape#TEAMS} spec (not yet validated) with {@code apps} apps in {@code environments} environments. */
    public static Platform.Builder spec(int apps, int environments) {
        return spec(Shape.TEAMS, apps, environments);
    }

    /**
     * A spec (not yet validated) of this shape with {@code apps} apps; {@code environments} is the number of
     * environments of {@link Shape#TEAMS}, {@link Shape#ONE_TEAM}, {@link Shape#FAN_IN} and {@link Shape#EXTENSIONS}
     * (the others fix theirs).
     */
    public static Platform.Builder spec(Shape shape, int apps, int environments) {
        return switch (shape) {
            case TEAMS -> teams(apps, environments);
            case ONE_TEAM -> oneTeam(apps, environments);
            case MANY_ENVS -> manyEnvironments(apps);
            case FAN_IN -> fanIn(apps, environments);
            case MIX -> mix(apps);
            case KINDS -> kinds(apps);
            case EXTENSIONS -> teams(apps, environments);
        };
    }

    /** The renderer a shape is rendered with: the secure defaults, and for {@link Shape#EXTENSIONS} its generator. */
    public static Renderer renderer(Shape shape) {
        Renderer renderer = Renderer.secureByDefault();
        return shape == Shape.EXTENSIONS ? renderer.generator(new YamlParts()) : renderer;
    }

    /** The {@link Shape#EXTENSIONS} generator: two objects an app, given as YAML text. */
    private static final class YamlParts implements PlatformGenerator {
        @Override
        public void contribute(AppContext app) {
            String name = app.instance().name();
            app.addYaml("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: " + name
                    + "\nspec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: " + name
                    + "\n  endpoints:\n  - port: http\n    interval: 30s\n");
            app.addYaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "-dashboards\n"
                    + "data:\n  owner: platform\n");
        }
    }

    private static Platform.Builder base(int environments) {
        Platform.Builder platform = platform("bench").gitRepository("https://git.example.com/bench/gitops.git");
        for (int e = 0; e < environments; e++) {
            Environment.Builder environment = environment("env" + e).cluster("https://env" + e + ".k8s.example.com");
            platform.environment(environment.apiServer(6443, "10.0." + e + ".1/32"));
        }
        return platform;
    }

    private static Platform.Builder teams(int apps, int environments) {
        Platform.Builder platform = base(environments);
        int teams = Math.max(1, apps / 10);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            platform.app(plain(a, "team" + (a % teams)));
        }
        return platform;
    }

    private static App.Builder plain(int a, String team) {
        return app("app" + a)
                .team(team)
                .image("registry.example.com/" + team + "/app" + a + ":1." + (a % 7) + ".0")
                .port(8080)
                .port(port("metrics", 9090))
                .replicas(1 + a % 3)
                .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                .env("LOG_LEVEL", "info")
                .readiness(httpGet("/ready"))
                .liveness(httpGet("/healthz"))
                .writablePath("/tmp")
                .label("tier", a % 2 == 0 ? "web" : "backend");
    }

    private static Platform.Builder oneTeam(int apps, int environments) {
        Platform.Builder platform = base(environments).team(team("everyone").owner("everyone@example.com"));
        for (int a = 0; a < apps; a++) {
            platform.app(app("app" + a)
                    .team("everyone")
                    .namespace("{app}-{environment}")
                    .image("registry.example.com/everyone/app" + a + ":1.0." + (a % 7))
                    .port(8080)
                    .replicas(2)
                    .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                    .readiness(httpGet("/ready"))
                    .calledBy("app" + ((a + 1) % apps), 8080)
                    .permissions(read("pods")));
        }
        return platform;
    }

    private static Platform.Builder manyEnvironments(int apps) {
        Platform.Builder platform = platform("bench").gitRepository("https://git.example.com/bench/gitops.git")
                .environment(environment("dev").cluster("https://dev.k8s.example.com").apiServer(6443, "10.0.0.1/32"))
                .environment(environment("test").cluster("https://test.k8s.example.com")
                        .apiServer(6443, "10.0.1.1/32"))
                .environment(environment("staging")
                        .cluster(cluster("staging-a", "https://staging-a.k8s.example.com"))
                        .cluster(cluster("staging-b", "https://staging-b.k8s.example.com"))
                        .apiServer(6443, "10.0.2.1/32"))
                .environment(environment("prod")
                        .cluster(cluster("prod-eu", "https://prod-eu.k8s.example.com").label("region", "eu"))
                        .cluster(cluster("prod-us", "https://prod-us.k8s.example.com").label("region", "us"))
                        .cluster(cluster("prod-ap", "https://prod-ap.k8s.example.com").label("region", "ap"))
                        .apiServer(6443, "10.0.3.1/32", "10.0.3.2/32"));
        int teams = Math.max(1, apps / 10);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            App.Builder app = plain(a, "team" + (a % teams));
            if (a % 3 == 0) {
                app.in("prod", o -> o.clusters("prod-eu", "prod-us").replicas(4));
            }
            if (a % 10 == 5) {
                // Called by no one: the callers of a team's first app run in every environment.
                app.onlyIn("staging", "prod");
            }
            if (a % 10 != 0) {
                app.calls("app" + (a - a % 10), 8080);
            }
            platform.app(app);
        }
        return platform;
    }

    private static Platform.Builder fanIn(int apps, int environments) {
        Platform.Builder platform = base(environments);
        int group = 300;
        int teams = Math.max(1, (apps + group - 1) / group);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            int hub = a - a % group;
            App.Builder app = plain(a, "team" + (a / group));
            if (a != hub) {
                app.calls("app" + hub, 8080);
            } else {
                // The hub names its callers too: both sides of the graph are indexed.
                for (int c = hub + 1; c < Math.min(apps, hub + group); c++) {
                    app.calledBy("app" + c, 8080);
                }
            }
            platform.app(app);
        }
        return platform;
    }

    private static Platform.Builder mix(int apps) {
        Platform.Builder platform = platform("bench").gitRepository("https://git.example.com/bench/gitops.git")
                .istioMesh()
                .secretStore(vault("vault", "https://vault.example.com:8200").kubernetesAuth("kubernetes", "apps"))
                .environment(environment("staging").cluster("https://staging.k8s.example.com")
                        .apiServer(6443, "10.0.0.1/32"))
                .environment(environment("prod").podSecurityVersion("v1.33")
                        .cluster(cluster("prod-eu", "https://prod-eu.k8s.example.com"))
                        .cluster(cluster("prod-us", "https://prod-us.k8s.example.com"))
                        .apiServer(6443, "10.0.1.1/32", "10.0.1.2/32"));
        int teams = Math.max(1, apps / 10);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            String team = "team" + (a % teams);
            App.Builder app = plain(a, team);
            switch (a % 8) {
                case 0 -> app.autoscale(2, 6, 70).calledByIngressController(8080).calledByNamespace("monitoring", 9090);
                case 1 -> app.disruptionBudget(maxUnavailable("1")).permissions(read("configmaps"), leaderElection());
                case 2 -> app.secret(sealed("db-" + a).ciphertext("password", CIPHERTEXT).mountAt("/etc/db"));
                case 3 -> app.secret(external("token-" + a).store("vault").remote("token", team + "/app" + a, "token")
                        .env("TOKEN", "token"));
                case 4 -> app.callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443))
                        .runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/app").protect("/usr", "/bin"));
                case 5 -> app.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "writes its cache below /var; OPS-" + a)
                        .toleration(tolerationExists("dedicated", Toleration.Effect.NO_SCHEDULE))
                        .nodeSelector("pool", "general");
                case 6 -> app.namespace("{app}").liveness(tcpSocket()).in("prod", o -> o.replicas(4).clusters("prod-eu"));
                default -> app.in("staging", o -> o.imageTag("2.0.0-rc.1"));
            }
            if (a % 10 != 0) {
                app.calls("app" + (a - a % 10), 8080);
            }
            platform.app(app);
        }
        return platform;
    }

    private static Platform.Builder kinds(int apps) {
        Platform.Builder platform = platform("bench").gitRepository("https://git.example.com/bench/gitops.git")
                .environment(environment("prod").cluster("https://prod.k8s.example.com").apiServer(6443, "10.0.1.1/32")
                        .gateway(gateway("gateways", "public")));
        int teams = Math.max(1, apps / 10);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            String team = "team" + (a % teams);
            String image = "registry.example.com/" + team + "/app" + a + ":1." + (a % 7) + ".0";
            String hub = "app" + (a - a % 10);
            boolean callsHub = a % 10 != 0;
            // The first app of every ten is a service (the others call it); the rest cycle through the kinds.
            switch (a % 10 % 6) {
                case 0 -> platform.app(plain(a, team).expose("app" + a + ".example.com", "/", "/api")
                        .configFile("/etc/app/app.yaml", "app: " + a + "\nlevel: info\n"));
                case 1 -> {
                    var worker = worker("app" + a).team(team).image(image)
                            .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                            .liveness(exec("/bin/alive")).readiness(exec("/bin/ready")).configEnv("QUEUE", "q" + a);
                    platform.app(callsHub ? worker.calls(hub, 8080) : worker);
                }
                case 2 -> {
                    var job = scheduledJob("app" + a, (a % 60) + " 2 * * *").team(team).image(image)
                            .timeZone("Europe/Berlin").resources(requests("100m", "128Mi"), limits("500m", "256Mi"));
                    platform.app(callsHub ? job.calls(hub, 8080) : job);
                }
                case 3 -> platform.app(statefulService("app" + a).team(team).image(image)
                        .port(port("db", 5432)).port(port("gossip", 7946)).replicas(3)
                        .resources(requests("250m", "512Mi"), limits("1", "512Mi"))
                        .volume("data", "/var/lib/data", "10Gi", "fast-ssd").peersCallEachOther(7946));
                case 4 -> {
                    var app = plain(a, team).beforeSync(job("migrate").command("/usr/local/bin/app", "migrate"));
                    platform.app(callsHub ? app.calls(hub, 8080) : app);
                }
                default -> {
                    var app = plain(a, team)
                            .initContainer(container("wait").image(image).command("/bin/wait")
                                    .resources(requests("10m", "16Mi"), limits("50m", "32Mi")))
                            .sidecar(container("shipper").image("registry.example.com/platform/shipper:1.0.0")
                                    .resources(requests("20m", "32Mi"), limits("100m", "64Mi"))
                                    .liveness(exec("/bin/alive")).readiness(exec("/bin/ready")));
                    platform.app(callsHub ? app.calls(hub, 8080) : app);
                }
            }
        }
        return platform;
    }

    /** Bytes shaped like a sealed-secrets ciphertext: a 256-byte RSA part after its length, then the AES part. */
    private static String ciphertext() {
        byte[] bytes = new byte[2 + 256 + 48];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        bytes[0] = 1;
        bytes[1] = 0;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
