package dev.goldenpath.samples;

import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.leaderElection;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.job;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.GoldenPath.vault;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SealedValues;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;

/**
 * The sample platform: two teams, seven apps of every kind (services, a scheduled job, a stateful service, a job
 * before sync, a sidecar, a config file), two environments, sealed and external secrets. The {@code production} namespace holds the
 * reference scenario: {@code frontend} accepts traffic only from {@code api-gateway} on 8080, requests
 * 250m/64Mi, limits 500m/128Mi, runs as user 1000 with fsGroup 2000 on a read-only root filesystem.
 */
public final class AcmePlatform {

    /** Ciphertext sealed for the sample controller's public certificate; committing it is safe. */
    static final SealedValues SEALED_VALUES = SealedValues.load(
            AcmePlatform.class.getResourceAsStream("/sealed-secrets/sealed-values.properties"), "sealed-values.properties");

    private AcmePlatform() {
    }

    /** The sample spec. */
    public static Platform.Builder spec() {
        return platform("acme")
                .gitRepository("https://git.example.com/acme/gitops.git")
                .istioMesh()
                .baseline(baseline().signedImages(keyless("https://token.actions.githubusercontent.com",
                        "https://github.com/acme/ci/.github/workflows/release.yml@refs/heads/main")))
                .environment(environment("staging")
                        .cluster(cluster("staging", "https://staging.k8s.acme.example:6443").label("tier", "staging"))
                        .apiServer(6443, "10.10.0.10/32")
                        .gateway(gateway("gateways", "public")))
                .environment(environment("production")
                        .podSecurityVersion("v1.33")
                        .cluster(cluster("prod-eu", "https://kubernetes.default.svc").label("region", "eu"))
                        .cluster(cluster("prod-us", "https://prod-us.k8s.acme.example:6443").label("region", "us"))
                        .apiServer(6443, "10.20.0.10/32", "10.20.0.11/32", "10.20.0.12/32")
                        .gateway(gateway("gateways", "public")))
                .secretStore(vault("vault", "https://vault.acme.example:8200").kubernetesAuth("kubernetes", "acme-apps"))
                .team(team("web").owner("web-team@acme.example"))
                .team(team("payments").owner("payments@acme.example"))
                .app(app("frontend")
                        .team("web")
                        .namespace("{environment}")
                        .image("registry.acme.example/web/frontend:2.3.1")
                        .port(8080)
                        .replicas(2)
                        .resources(requests("250m", "64Mi"), limits("500m", "128Mi"))
                        .runAsUser(1000)
                        .fsGroup(2000)
                        .writablePath("/tmp", "64Mi")
                        .readiness(httpGet("/ready"))
                        .liveness(httpGet("/healthz"))
                        // A config file: an immutable ConfigMap named by its content's hash, mounted read-only.
                        .configFile("/etc/frontend/features.yaml", "checkout: v2\nrecommendations: true\n")
                        .configEnv("LOG_LEVEL", "info")
                        .calledBy("api-gateway", 8080)
                        // Exposed over HTTPS only: an HTTPRoute on the environment's Gateway, and its pods' ingress.
                        .expose("www.acme.example")
                        .in("production", o -> o.replicas(3)))
                .app(app("api-gateway")
                        .team("web")
                        .namespace("{environment}")
                        .image("registry.acme.example/web/api-gateway:1.9.0")
                        .port(8443)
                        .port(port("metrics", 9090))
                        .resources(requests("100m", "128Mi"), limits("1", "256Mi"))
                        .readiness(httpGet("/ready"))
                        .autoscale(2, 6, 70)
                        .calledByIngressController(8443)
                        .calledByNamespace("monitoring", 9090)
                        .calls("payments-api", 8080)
                        .secret(sealed("gateway-oauth").sealedValues(SEALED_VALUES).env("OAUTH_CLIENT_SECRET", "client-secret"))
                        .in("production", o -> o.resources(requests("500m", "256Mi"), limits("2", "512Mi"))))
                .app(app("myapp")
                        .team("web")
                        .namespace("{environment}")
                        .image("registry.acme.example/web/myapp@sha256:"
                                + "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945")
                        .port(8080)
                        .runtimeClass("wasmtime-spin")
                        .nodeSelector("kubernetes.io/arch", "wasm32-wasi")
                        .toleration(tolerationExists("kubernetes.io/arch", Toleration.Effect.NO_SCHEDULE))
                        // The reference scenario: service account myapp may get and list pods, through Role pod-reader.
                        .roleName("pod-reader")
                        .permissions(allow("get", "list").on("pods")))
                .app(app("payments-api")
                        .team("payments")
                        .image("registry.acme.example/payments/payments-api:1.4.2")
                        .port(8080)
                        .replicas(3)
                        .resources(requests("250m", "256Mi"), limits("1", "512Mi"))
                        .env("LEDGER_URL", "http://ledger:5432")
                        .readiness(httpGet("/ready"))
                        .writablePath("/tmp")
                        .calls("ledger", 5432)
                        // A sidecar: a native sidecar (restartPolicy Always) hardened and probed like the app.
                        .sidecar(container("audit-shipper")
                                .image("registry.acme.example/platform/audit-shipper:1.4.0")
                                .resources(requests("20m", "32Mi"), limits("100m", "64Mi"))
                                .liveness(exec("/usr/local/bin/audit-shipper", "health"))
                                .readiness(exec("/usr/local/bin/audit-shipper", "ready"))
                                .writablePath("/var/spool/audit", "256Mi"))
                        .callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443))
                        .permissions(read("configmaps").named("payments-config"), leaderElection())
                        .secret(external("card-processor").store("vault")
                                .remote("api-token", "payments/card-processor", "token")
                                .refreshInterval("15m")
                                .env("CARD_PROCESSOR_TOKEN", "api-token"))
                        .in("staging", o -> o.replicas(1).imageTag("1.5.0-rc.1")))
                .app(app("ledger")
                        .team("payments")
                        .image("registry.acme.example/payments/ledger:3.0.7")
                        .port(port("postgres", 5432))
                        .replicas(2)
                        .resources(requests("500m", "1Gi"), limits("2", "2Gi"))
                        .liveness(exec("/usr/local/bin/ledger", "health"))
                        .writablePath("/var/lib/ledger", "10Gi")
                        .secret(sealed("ledger-db").sealedValues(SEALED_VALUES).mountAt("/etc/ledger/db"))
                        // Runs before each sync of a new version, with ledger's identity, secrets and egress.
                        .beforeSync(job("migrate-schema").command("/usr/local/bin/ledger", "migrate"))
                        .calls("ledger-archive", 7070)
                        // Falco alerts on any other process, and on writes below /usr and /bin (not /etc: see above).
                        .runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/ledger").protect("/usr", "/bin"))
                        .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM,
                                "vendor binary rewrites /etc/ledger at start; fix tracked in PAY-311 (approved by security)"))
                // A scheduled job: a CronJob read in Berlin time, runs never overlapping.
                .app(scheduledJob("nightly-settlement", "30 2 * * *")
                        .team("payments")
                        .image("registry.acme.example/payments/payments-api:1.4.2")
                        .command("/usr/local/bin/settle", "--day=yesterday")
                        .timeZone("Europe/Berlin")
                        .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                        .calls("payments-api", 8080))
                // A stateful service: a StatefulSet with a 50Gi volume per pod, its members gossiping on 7946.
                .app(statefulService("ledger-archive")
                        .team("payments")
                        .image("registry.acme.example/payments/ledger-archive:1.2.0")
                        .port(port("archive", 7070))
                        .port(port("gossip", 7946))
                        .replicas(3)
                        .resources(requests("250m", "512Mi"), limits("1", "512Mi"))
                        .readiness(httpGet("/ready", "archive"))
                        .volume("data", "/var/lib/archive", "50Gi", "fast-ssd")
                        .writablePath("/tmp")
                        .peersCallEachOther(7946)
                        .in("staging", o -> o.replicas(1)));
    }

    /** The validated sample platform. */
    public static Platform build() {
        return spec().build();
    }

    /**
     * The renderer of the samples: secure defaults plus the acme platform team's generators, the same ones the command
     * line and the Maven plugin find through {@code META-INF/services} (and in the same order: by class name).
     */
    public static Renderer renderer() {
        return Renderer.secureByDefault().generator(new AcmeCustomizations()).generator(new ServiceMonitors());
    }
}
