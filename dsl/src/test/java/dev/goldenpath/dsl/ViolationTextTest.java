package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.allow;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.cosignKey;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.maxUnavailable;
import static dev.goldenpath.dsl.GoldenPath.minAvailable;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.recreate;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.rollingUpdate;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.tcpSocket;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.toleration;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.GoldenPath.udpPort;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact text users see for specs that break almost every rule at once, compared with
 * {@code violation-text.txt}: the message of each {@link SpecException} as the validator produced it before it was
 * split by concern. Paths, values, rules, hints and their order are the contract that docs and tools quote.
 */
class ViolationTextTest {

    private static final String IMAGE = "registry.example.com/team/app:1.0.0";
    /** Base64 of a 2-byte length 256, 256 bytes of RSA block and 16 bytes of GCM tag: shaped like sealed data. */
    /** Shaped like an AWS access key id (not a real one), built so that no scanner flags this file. */
    private static final String AWS_KEY = "AKIA" + "ABCDEFGHIJKLMNOP";
    private static final String SEALED = java.util.Base64.getEncoder().encodeToString(sealedShape());

    @Test
    void everyViolationReadsAsBeforeTheSplit() throws IOException {
        String actual = String.join("\n\n", List.of(
                message(platformWide()),
                message(emptyPlatform()),
                message(brokenApps()),
                message(brokenSecretsAndEnvironments()),
                message(longNamesAndLargeValues()),
                message(brokenCompanions()),
                message(brokenWorkloadKinds()),
                message(brokenStatefulServices()),
                message(brokenConfig()),
                message(brokenExposure())));
        String expected = expected();
        if (!expected.equals(actual + "\n")) {
            // For review: diff this file against the expected one.
            Files.writeString(Path.of("target", "violation-text.actual.txt"), actual + "\n");
        }
        assertEquals(expected, actual + "\n");
    }

    /**
     * The code of every violation of the same specs, with its path, compared with {@code violation-codes.txt}: codes
     * are the machine-readable contract ({@code --output json}, SARIF), so a rule that changes its code fails here.
     */
    @Test
    void everyViolationCarriesItsStableCode() throws IOException {
        String actual = String.join("\n\n", List.of(
                codes(platformWide()),
                codes(emptyPlatform()),
                codes(brokenApps()),
                codes(brokenSecretsAndEnvironments()),
                codes(longNamesAndLargeValues()),
                codes(brokenCompanions()),
                codes(brokenWorkloadKinds()),
                codes(brokenStatefulServices()),
                codes(brokenConfig()),
                codes(brokenExposure())));
        String expected = resource("violation-codes.txt");
        if (!expected.equals(actual + "\n")) {
            Files.writeString(Path.of("target", "violation-codes.actual.txt"), actual + "\n");
        }
        assertEquals(expected, actual + "\n");
    }

    private static String codes(Platform.Builder spec) {
        return String.join("\n", assertThrows(SpecException.class, spec::build).violations().stream()
                .map(v -> v.code().code() + "  " + v.path()).toList());
    }

    private static String message(Platform.Builder spec) {
        return assertThrows(SpecException.class, spec::build).getMessage();
    }

    private static String expected() throws IOException {
        return resource("violation-text.txt");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ViolationTextTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError(name + " is missing next to the test");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The platform's own fields, its environments, teams, network peers, secret stores and cluster baseline. */
    private static Platform.Builder platformWide() {
        return platform("Acme_Platform")
                .gitRepository("not a url")
                .gitRevision(" ")
                .argocdNamespace("Argo")
                .ingressController("Bad_NS", Map.of())
                .dns("kube-system", Map.of("bad key!", "bad value!"))
                .secretStore(vault("Vault_1", "http://vault.example.com").kv("/secret/", 3).kubernetesAuth(" ", " "))
                .secretStore(vault("Vault_1", "https://vault.example.com"))
                .environment(environment("Prod_1")
                        .cluster(cluster("Bad_Cluster", "http://k8s.example.com").label("bad key!", "x".repeat(70)))
                        .cluster(cluster("Bad_Cluster", "http://k8s.example.com"))
                        .podSecurityVersion("1.33")
                        .apiServer(70000, "10.0.0.1/33", "0.0.0.0/0", "0.0.0.0/0"))
                .environment(environment("Prod_1"))
                .environment(environment("staging").cluster(cluster("Bad_Cluster", "https://other.example.com")))
                .team(team("Pay_ments").owner(" "))
                .team(team("Pay_ments").owner("pay@example.com"))
                .baseline(baseline().enforceIn("nowhere").meshRootNamespace("Istio_System")
                        .signedImages(cosignKey("not a key", "Registry.example/**"))
                        .falcoOn(Map.of("bad key!", "v"), toleration("bad key!", "v", Toleration.Effect.NO_SCHEDULE))
                        .falcoImage("falco")
                        .trivyImage("trivy:latest")
                        .trivySchedule("every day"))
                .app(app("api").team("Pay_ments").image(IMAGE).port(8080)
                        .runtimeProfile(runtimeProfile().allowProcesses("a-name-longer-than-15", "/usr/../bin", "ok")
                                .protect("etc", "/usr/..", "/var/")
                                .allowShells("short")));
    }

    /** No app, no environment, and a keyless signature policy without issuer or subject. */
    private static Platform.Builder emptyPlatform() {
        return platform("acme")
                .gitRepository("git@git.example.com:platform/gitops.git")
                .baseline(baseline().signedImages(keyless("http://issuer.example.com", " ", "registry.example.com/**")));
    }

    /** Apps that break the rules of names, images, ports, resources, probes, pods, RBAC, network and weakenings. */
    private static Platform.Builder brokenApps() {
        return valid()
                .app(app("web").image(IMAGE).port(8080))
                .app(app("9lives").team("payments").image(IMAGE).port(8080))
                .app(app("web").team("nobody").image("nginx")
                        .port(port("Bad_Port", 0))
                        .port(port("http", 8080))
                        .port(port("http", 8080))
                        .port(port("dns", 53).onHostPort(70000))
                        .port(udpPort("metrics", 9090).onHostPort(9090))
                        .replicas(-1)
                        .resources(requests("lots", "0"), limits("0", "1"))
                        .env("1BAD", "x")
                        .env("LOG", "a")
                        .env("LOG", "b")
                        .env("CONFIG", AWS_KEY)
                        .env("DB_PASSWORD", "hunter2hunter2")
                        .command("run", "ghp_" + "a".repeat(36))
                        .liveness(httpGet("healthz", "nope"))
                        .readiness(exec("check", " "))
                        .startup(tcpSocket().periodSeconds(0))
                        .writablePath("relative", "1Pi")
                        .writablePath("/tmp")
                        .writablePath("/tmp")
                        .writablePath("/cache", "lots")
                        .label("app", "x")
                        .label("node.kubernetes.io/role", "x")
                        .label("bad key!", "v")
                        .annotation("weakening.goldenpath.dev/x", "y")
                        .annotation("container.apparmor.security.beta.kubernetes.io/web", "unconfined")
                        .annotation("bad key!", "v")
                        .annotation("example.com/note", AWS_KEY)
                        .runAsUser(0)
                        .runAsGroup(-5)
                        .rollout(rollingUpdate("0", "0"))
                        .disruptionBudget(maxUnavailable("0"))
                        .autoscale(0, -1, 2000)
                        .runtimeClass("Bad_RC")
                        .nodeSelector("bad key!", "v")
                        .toleration(toleration("bad key!", "bad value!", Toleration.Effect.NO_SCHEDULE))
                        .toleration(toleration("", "v", Toleration.Effect.NO_EXECUTE))
                        .toleration(tolerationExists("dedicated", Toleration.Effect.NO_SCHEDULE))
                        .toleration(new Toleration("dedicated", Optional.of("v"), Toleration.Operator.EXISTS,
                                Optional.of(Toleration.Effect.NO_SCHEDULE)))
                        .addCapabilities("CAP_NET_ADMIN", "SYS_TIME", "SYS_TIME", "NET_BIND_SERVICE")
                        .weaken(Weakening.NO_PROBES, "short")
                        .weaken(Weakening.NO_PROBES, "declared a second time for the test")
                        .weaken(Weakening.SERVICE_ACCOUNT_TOKEN, "the app reads configuration from the API")
                        .weaken(Weakening.CLUSTER_ROLE, "no cluster-wide permission is declared here")
                        .calledBy("ghost", 9999)
                        .calledByNamespace("Bad_NS", allPorts())
                        .calledByIngressController(8080, 8080)
                        .calls("ghost", allPorts())
                        .calls("quiet", 1234, 1234)
                        .calls("db", 5432)
                        .callsExternal(cidr("10.0.0.0/33").except("11.0.0.0/8").ports(0, 0))
                        .callsExternal(cidr("10.0.0.0/8").except("11.0.0.0/8", "10.0.0.0/8").allPorts())
                        .callsExternal(cidr("0.0.0.0/0").allPorts())
                        .permissions(allow("*").on("pods"),
                                allow("get", "frobnicate").on("Pods", "secrets").inGroup("Bad Group!"),
                                allow("escalate").on("pods/exec").clusterWide(),
                                read("configmaps").named("*"),
                                allow().on())
                        .roleName("Bad_Role"))
                .app(app("quiet").team("payments").image(IMAGE)
                        .resources(requests("2", "2Gi"), limits("1", "1Gi"))
                        .calledBy("web", allPorts())
                        .weaken(Weakening.ADDED_CAPABILITIES, "not needed, the app adds no capability")
                        .weaken(Weakening.HOST_PORTS, "not needed, the app has no host port")
                        .weaken(Weakening.RUN_AS_ROOT, "not needed, the app runs as its own user")
                        .weaken(Weakening.EGRESS_TO_ANYWHERE, "no dependency reaches everywhere either")
                        .rollout(new Rollout(false, "x", "200%", -1))
                        .disruptionBudget(minAvailable("100%")).replicas(2))
                .app(app("db").team("payments").image(IMAGE).port(5432).onlyIn("staging")
                        .resources(requests("0.0001", "2Mi"), limits("2000", "1Pi"))
                        .liveness(httpGet("/healthz").timeoutSeconds(0))
                        .weaken(Weakening.NO_PROBES, "the probes are declared, so this is unused"));
    }

    /** Secrets of both backends, environment overrides, namespaces and the weakenings of permissions. */
    private static Platform.Builder brokenSecretsAndEnvironments() {
        return valid()
                .secretStore(vault("vault", "https://vault.example.com"))
                .app(app("pay").team("payments").image(IMAGE).port(8080)
                        .env("DB_USER", "app")
                        .writablePath("/data")
                        .permissions(read("pods"))
                        .weaken(Weakening.RBAC_SECRETS, "not needed, the app reads no secret")
                        .weaken(Weakening.RBAC_ESCALATION, "not needed, the app grants nothing")
                        .weaken(Weakening.RBAC_SENSITIVE_SUBRESOURCES, "not needed, the app never execs")
                        .secret(sealed("Bad_Secret!").ciphertext("k!", "bm90IHNlYWxlZA==").ciphertext("k!", SEALED)
                                .fromEnvironment("other", "1BAD").mountAt("relative"))
                        .secret(sealed("creds").ciphertextIn("prod", "password", SEALED)
                                .ciphertextIn("nowhere", "user", SEALED)
                                .type("kubernetes.io/tls").mountAt("/data").env("DB_USER", "password")
                                .env("2BAD", "password").env("TOKEN", "missing"))
                        .secret(sealed("creds").fromFile("cert", " ")
                                .type("bad type!").mountAt("/etc/creds"))
                        .secret(external("remote").remote("password", " ", " ")
                                .refreshInterval("soon").type("kubernetes.io/service-account-token")
                                .env("PASSWORD", "password"))
                        .secret(external("stored").remote("password", "a/b", "p").store("nowhere").mountAt("/etc/stored"))
                        .secret(sealed("empty")))
                .app(app("job").team("payments").image(IMAGE).namespace("Bad_{environment}")
                        .onlyIn("prod", "nowhere")
                        .in("staging", o -> o.replicas(2))
                        .in("nowhere", o -> o.replicas(-1))
                        .in("prod", o -> o.replicas(-1).imageTag("latest").clusters("ghost")
                                .resources(requests("x", "64Mi"), limits("500m", "32Mi")))
                        .in("prod", o -> o.imageTag("bad tag!"))
                        .liveness(exec("/bin/check")).readiness(exec("/bin/check")))
                .app(app("kube").team("payments").image(IMAGE).port(8080).namespace("kube-system")
                        .permissions(read("configmaps")));
    }

    /** Names derived from long names, annotations too large in all, and an HTTP probe of an app without ports. */
    private static Platform.Builder longNamesAndLargeValues() {
        String longStore = "s".repeat(250);
        return valid()
                .secretStore(vault(longStore, "https://vault.example.com"))
                .app(app("w".repeat(60)).team("payments").image(IMAGE).onlyIn("prod")
                        .readiness(httpGet("/ready"))
                        .annotation("example.com/a", "x".repeat(200_000))
                        .annotation("example.com/b", "x".repeat(200_000))
                        .permissions(read("nodes").clusterWide())
                        .roleName(("r".repeat(60) + ".").repeat(4) + "r")
                        .weaken(Weakening.CLUSTER_ROLE, "the app lists nodes to place its shards")
                        .secret(external("remote").remote("password", "a/b", "p").store(longStore).mountAt("/etc/remote")));
    }

    /** Init containers and sidecars that break the rules of names, resources, probes, ports, images and secrets. */
    private static Platform.Builder brokenCompanions() {
        return valid()
                .app(app("web").team("payments").image(IMAGE).port(8080)
                        .sidecar(container("Log_Shipper").image("fluent-bit:latest").port(24224)
                                .env("API_TOKEN", "hunter2hunter2").addCapabilities("NET_ADMIN"))
                        .sidecar(container("web").image(IMAGE).port(port("admin", 8080))
                                .resources(requests("50m", "32Mi"), limits("100m", "16Mi")))
                        .initContainer(container("migrate").image(IMAGE).port("debug", 9229).runAsUser(0)
                                .liveness(httpGet("/healthz")).secrets("db")
                                .resources(requests("50m", "32Mi"), limits("100m", "64Mi"))))
                .app(app("nightly").team("payments").image(IMAGE).port(8080)
                        .calls("web", 24224, 9229));
    }

    /** Workers, scheduled jobs and jobs run before sync (issue 16): every rule of their kinds broken once. */
    private static Platform.Builder brokenWorkloadKinds() {
        return valid()
                .app(app("caller").team("payments").image(IMAGE).port(8080).calls("mailer", 8080)
                        .beforeSync(GoldenPath.job("migrate").image("tools:latest").env("1BAD", "x").backoffLimit(101)
                                .activeDeadlineSeconds(0))
                        .beforeSync(GoldenPath.job("migrate"))
                        .beforeSync(GoldenPath.job("Bad_Job"))
                        .beforeSync(GoldenPath.job("mailer")))
                .app(GoldenPath.worker("mailer").team("payments").image(IMAGE))
                .app(GoldenPath.worker("caller-mailer").team("payments").image(IMAGE).liveness(exec("/bin/alive")))
                .app(GoldenPath.scheduledJob("n".repeat(53), "0 24 * * 7").team("payments").image(IMAGE)
                        .timeZone("+02:00").startingDeadlineSeconds(5).history(-1, 101).ttlSecondsAfterFinished(-1)
                        .readiness(exec("/bin/ready")).in("prod", o -> o.replicas(2)))
                .app(GoldenPath.scheduledJob("tz", "TZ=Europe/Berlin 0 2 * * *").team("payments").image(IMAGE)
                        .timeZone("Local").weaken(Weakening.NO_PROBES, "jobs exit when they are done"));
    }

    /** Stateful services: volumes, sizes, storage classes, names, rollouts, autoscaling and peers (issue 16). */
    private static Platform.Builder brokenStatefulServices() {
        return valid()
                .app(GoldenPath.statefulService("ledger-db").team("payments").image(IMAGE).port(5432).onlyIn("prod")
                        .writablePath("/tmp")
                        .configFile("/etc/ledger/ledger.conf", "level=info")
                        .volume("Data_1", "relative", "ten gigs", "Fast_SSD")
                        .volume("wal", "/tmp", "10")
                        .volume("wal", "/etc/ledger", "1.0000001Gi")
                        .volume("archive", "/var/lib/archive", "65Ti")
                        .rollout(recreate())
                        .autoscale(2, 4, 70)
                        .peersCallEachOther(5432, 7000, 5432)
                        .secret(sealed("ledger-creds").ciphertext("password", SEALED).mountAt("/var/lib/archive")))
                .app(GoldenPath.statefulService("s".repeat(53)).team("payments").image(IMAGE).port(5432).onlyIn("prod")
                        .rollout(rollingUpdate("25%", "0")))
                .app(GoldenPath.statefulService("cache").team("payments").image(IMAGE).port(6379).onlyIn("prod"));
    }

    /** Config files in the wrong place, not text, secret-looking or too large, and config variables like bad env. */
    private static Platform.Builder brokenConfig() {
        return valid()
                .app(app("conf").team("payments").image(IMAGE).port(8080).onlyIn("prod")
                        .env("LOG_LEVEL", "info")
                        .writablePath("/tmp")
                        .configFile("etc/app.conf", "x")
                        .configFile("/etc/app/app.conf", "a")
                        .configFile("/etc/app/app.conf", "b")
                        .configFile("/tmp/cache.conf", "c")
                        .configFileFromResource("/etc/app/missing.yaml", "config/missing.yaml")
                        .configFile("/etc/app/binary", "a\u0000b")
                        .configFile("/etc/app/key.pem", "-----BEGIN " + "PRIVATE KEY-----\nMIIE\n")
                        .configFile("/etc/app/app.properties", "port=8080\ndb.password=hunter2hunter2\n")
                        .configEnv("LOG_LEVEL", "debug")
                        .configEnv("UPSTREAM", AWS_KEY))
                .app(app("huge").team("payments").image(IMAGE).port(8080).onlyIn("prod")
                        .configFile("/etc/huge/data", "x".repeat(1024 * 1024)));
    }

    /** A valid platform with two environments; only prod says where its API server is. */
    /** Issue 16, exposure: hosts, prefixes, ports, the environment's way in and collisions between apps. */
    private static Platform.Builder brokenExposure() {
        return valid()
                .environment(environment("edge").cluster("https://edge.example.com:6443")
                        .gateway(GoldenPath.gateway("Gateways", "public").listener("HTTPS").pods("gateways", Map.of())))
                .environment(environment("dev").cluster("https://dev.example.com:6443")
                        .ingressClass(GoldenPath.ingressClass("nginx").issuer(GoldenPath.clusterIssuer("Lets_Encrypt"))))
                .app(app("shop").team("payments").image(IMAGE).port(8080).port(udpPort("dns", 5353))
                        .expose("*.acme.example", "/api/", "/a/../b")
                        .expose("shop.acme.example", "/", "/")
                        .exposePort("admin", "shop.acme.example", "/admin")
                        .exposePort("dns", "dns.acme.example"))
                .app(app("cart").team("payments").image(IMAGE).port(8080).onlyIn("dev")
                        .expose("shop.acme.example", "/")
                        .namespace("gateways"));
    }

    private static Platform.Builder valid() {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .environment(environment("staging").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("payments@example.com"));
    }

    private static byte[] sealedShape() {
        byte[] bytes = new byte[2 + 256 + 16];
        bytes[0] = 1;
        return bytes;
    }
}
