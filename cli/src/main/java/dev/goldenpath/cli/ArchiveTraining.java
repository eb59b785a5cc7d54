package dev.goldenpath.cli;

import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.job;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static dev.goldenpath.dsl.GoldenPath.worker;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;
import dev.goldenpath.dsl.SealedValues;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.extension.AppContext;
import dev.goldenpath.generators.extension.PlatformGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the class-data sharing archive the {@code goldenpath} launcher uses: the launcher starts this
 * class once with {@code -XX:ArchiveClassesAtExit}, and every class it loads is stored, parsed and verified, in the
 * archive that later runs map instead of reading the jar (docs/cli.md, "Start-up"). It runs the commands people run
 * most (render, check, lint, publish twice, diff, graph) on a small built-in platform in a temporary folder, so the archive
 * holds what those commands load; it writes nothing outside that folder.
 *
 * <p>It is also the spec those commands render ({@code --spec dev.goldenpath.cli.ArchiveTraining}).
 */
public final class ArchiveTraining implements PlatformSpec {

    /** Stands for a sealed value: the shape of one (length 256 of the sealed session key, key, data), zeros. */
    private static final String CIPHERTEXT = java.util.Base64.getEncoder().encodeToString(ciphertextShape());

    /** A sealed-values file as specs keep one beside them, with the shape of a sealed value for each environment. */
    private static final SealedValues SEALED_VALUES = SealedValues.parse(
            "staging.web-oauth.client-secret=" + CIPHERTEXT + "\nproduction.web-oauth.client-secret=" + CIPHERTEXT + "\n");

    /** The replicas of {@code web}; the second publish changes them, so that one file changes. */
    private static volatile int webReplicas = 2;

    /** Runs the training commands; exits 1 when one of them does not end as expected. */
    public static void main(String[] args) {
        Goldenpath.defaults(); // as the runs it trains for
        List<String> failures;
        try {
            failures = train();
        } catch (IOException e) {
            failures = List.of("I/O: " + e.getMessage());
        }
        if (!failures.isEmpty()) {
            System.err.println("goldenpath archive training failed: " + String.join("; ", failures));
            System.exit(1);
        }
    }

    static List<String> train() throws IOException {
        Path folder = Files.createTempDirectory("goldenpath-training");
        try {
            List<String> failures = new ArrayList<>();
            String spec = ArchiveTraining.class.getName();
            String rendered = folder.resolve("rendered").toString();
            String repository = folder.resolve("gitops.git").toString();
            expect(failures, Goldenpath.OK, "render", "--spec", spec, "-d", rendered);
            expect(failures, Goldenpath.OK, "render", "--spec", spec, "-d", rendered, "-o", "json", "--clean");
            expect(failures, Goldenpath.OK, "check", "--spec", spec);
            expect(failures, Goldenpath.OK, "check", rendered);
            expect(failures, Goldenpath.OK, "lint", "--fail-on", "error", rendered);
            expect(failures, Goldenpath.OK, "publish", "--spec", spec, "--repository", repository, "--create");
            webReplicas = 3;
            expect(failures, Goldenpath.OK, "publish", "--spec", spec, "--repository", repository, "-o", "json");
            expect(failures, Goldenpath.FINDINGS, "diff", "--spec", spec, "--checkout", rendered.concat("/training"));
            expect(failures, Goldenpath.OK, "graph", "--spec", spec);
            expect(failures, Goldenpath.USAGE, "render", "--no-such-option");
            // Platform generators come from the user's class path, which training has not: the library runs one.
            try {
                Renderer.secureByDefault().generator(new Extensions()).render(new ArchiveTraining().build());
            } catch (RuntimeException e) {
                failures.add("render with a platform generator: " + e);
            }
            return failures;
        } finally {
            webReplicas = 2;
            delete(folder);
        }
    }

    private static void expect(List<String> failures, int exit, String... args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int actual = Goldenpath.run(args, discard, discard, Map.of());
        if (actual != exit) {
            failures.add(String.join(" ", args) + " exited " + actual + ", expected " + exit);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] ciphertextShape() {
        byte[] bytes = new byte[2 + 256 + 48];
        bytes[0] = 1;
        return bytes;
    }

    /**
     * Two teams, apps that call each other, two environments (one of them on two labelled clusters): the shapes most
     * platforms have, every workload kind (a worker, a scheduled job, a stateful service, a job before sync, a sidecar,
     * a config file, an exposed host), and the features platforms commonly use (callers from the ingress controller and
     * other namespaces, scheduling, a runtime profile, a declared weakening, overrides per environment, secrets sealed
     * ahead in a sealed-values file), so that the archive holds what rendering each of them loads and the lambdas it
     * links.
     */
    @Override
    public Platform build() {
        return platform("training")
                .gitRepository("https://git.example.com/training/gitops.git")
                .istioMesh()
                .environment(environment("staging")
                        .cluster(cluster("staging", "https://staging.k8s.example.com").label("tier", "staging"))
                        .apiServer(6443, "10.10.0.10/32").gateway(gateway("gateways", "public")))
                .environment(environment("production")
                        .cluster(cluster("prod-eu", "https://kubernetes.default.svc").label("region", "eu"))
                        .cluster(cluster("prod-us", "https://prod-us.k8s.example.com").label("region", "us"))
                        .apiServer(6443, "10.20.0.10/32").gateway(gateway("gateways", "public")))
                .baseline(baseline().signedImages(keyless("https://token.actions.githubusercontent.com",
                        "https://github.com/example/ci/.github/workflows/release.yml@refs/heads/main")))
                .secretStore(vault("vault", "https://vault.example.com:8200").kubernetesAuth("kubernetes", "training"))
                .team(team("web").owner("web@example.com"))
                .team(team("data").owner("data@example.com"))
                .app(app("web")
                        .team("web")
                        .image("registry.example.com/web/web:1.0.0")
                        .port(8080)
                        .port(port("metrics", 9090))
                        .replicas(webReplicas)
                        .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                        .readiness(httpGet("/ready"))
                        .liveness(httpGet("/healthz"))
                        .writablePath("/tmp")
                        .configFile("/etc/web/features.yaml", "checkout: v2\n")
                        .configEnv("LOG_FORMAT", "json")
                        .expose("web.example.com")
                        .calledByIngressController(8080)
                        .calledByNamespace("monitoring", 9090)
                        .label("tier", "web")
                        .sidecar(container("log-shipper").image("registry.example.com/web/log-shipper:1.0.0")
                                .resources(requests("10m", "32Mi"), limits("100m", "64Mi"))
                                .liveness(exec("/bin/log-shipper", "health")))
                        .calls("api", 8080)
                        .secret(sealed("web-oauth").sealedValues(SEALED_VALUES).env("OAUTH_CLIENT_SECRET", "client-secret")))
                .app(app("api")
                        .team("web")
                        .image("registry.example.com/web/api:1.0.0")
                        .port(8080)
                        .autoscale(2, 4, 70)
                        .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                        .env("LOG_LEVEL", "info")
                        .calls("store", 5432)
                        .callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443))
                        .permissions(read("configmaps"), allow("get", "list").on("pods"))
                        .roleName("api-reader")
                        .nodeSelector("pool", "general")
                        .toleration(tolerationExists("dedicated", Toleration.Effect.NO_SCHEDULE))
                        .in("production", o -> o.resources(requests("200m", "128Mi"), limits("1", "256Mi")))
                        .in("staging", o -> o.imageTag("1.0.1-rc.1"))
                        .secret(external("api-token").store("vault").remote("token", "web/api", "token")
                                .refreshInterval("15m").env("API_TOKEN", "token")))
                .app(app("store")
                        .team("data")
                        .image("registry.example.com/data/store:2.1.0")
                        .port(port("postgres", 5432))
                        .resources(requests("250m", "256Mi"), limits("1", "512Mi"))
                        .writablePath("/var/lib/store", "1Gi")
                        .fsGroup(2000)
                        .secret(sealed("store-db").ciphertext("password", CIPHERTEXT).mountAt("/etc/store/db"))
                        .runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/store").protect("/usr", "/bin"))
                        .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "the vendor image writes its settings to /etc at start")
                        .beforeSync(job("migrate").command("/usr/local/bin/store", "migrate")))
                .app(worker("indexer")
                        .team("data")
                        .image("registry.example.com/data/indexer:1.0.0")
                        .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                        .liveness(exec("/bin/indexer", "alive"))
                        .calls("store", 5432))
                .app(scheduledJob("nightly-report", "30 2 * * *")
                        .team("data")
                        .image("registry.example.com/data/report:1.0.0")
                        .timeZone("Europe/Berlin")
                        .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                        .calls("api", 8080))
                .app(statefulService("archive")
                        .team("data")
                        .image("registry.example.com/data/archive:1.0.0")
                        .port(port("archive", 7070))
                        .port(port("gossip", 7946))
                        .replicas(3)
                        .resources(requests("250m", "512Mi"), limits("1", "512Mi"))
                        .readiness(httpGet("/ready", "archive"))
                        .volume("data", "/var/lib/archive", "10Gi", "standard")
                        .peersCallEachOther(7946)
                        .calledBy("indexer", 7070))
                .build();
    }

    /**
     * What platform teams' generators do most: change a generated object, add objects written as YAML (a kind fabric8
     * models, and one it does not).
     */
    private static final class Extensions implements PlatformGenerator {
        @Override
        public void contribute(AppContext app) {
            if (!app.instance().name().equals("web")) {
                return;
            }
            app.customize(Deployment.class, deployment -> deployment.getSpec().getTemplate().getSpec()
                    .setDnsConfig(new PodDNSConfigBuilder().addNewOption("ndots", "2").build()));
            app.add(new GenericKubernetesResourceBuilder()
                    .withApiVersion("monitoring.coreos.com/v1")
                    .withKind("ServiceMonitor")
                    .withNewMetadata().withName("web").endMetadata()
                    .addToAdditionalProperties("spec", Map.of("endpoints", List.of(Map.of("port", "metrics"))))
                    .build());
            app.addYaml("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: web-settings
                    data:
                      LOG_LEVEL: info
                    """);
            app.addYaml("""
                    apiVersion: cert-manager.io/v1
                    kind: Certificate
                    metadata:
                      name: web-tls
                    spec:
                      secretName: web-tls
                      dnsNames: [web.example.com]
                      issuerRef: {kind: ClusterIssuer, name: internal-ca}
                    """);
        }
    }
}
