package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry points of the spec DSL. Import them statically and a spec reads like a description:
 *
 * <pre>{@code
 * import static dev.goldenpath.dsl.GoldenPath.*;
 *
 * Platform acme = platform("acme")
 *     .gitRepository("https://git.example.com/platform/gitops.git")
 *     .environment(environment("production").cluster("https://kubernetes.default.svc"))
 *     .team(team("payments").owner("payments@acme.example"))
 *     .app(app("payments-api")
 *         .team("payments")
 *         .image("registry.example.com/payments-api:1.4.2")
 *         .port(8080)
 *         .resources(requests("250m", "64Mi"), limits("500m", "128Mi"))
 *         .readiness(httpGet("/ready")))
 *     .build();
 * }</pre>
 */
public final class GoldenPath {

    private GoldenPath() {
    }

    /** Starts a platform spec. */
    public static Platform.Builder platform(String name) {
        return new Platform.Builder(name);
    }

    /** Starts an environment; give it at least one cluster. */
    public static Environment.Builder environment(String name) {
        return new Environment.Builder(name);
    }

    /** A cluster known to Argo CD by this name, at this API server URL. */
    public static Cluster cluster(String name, String server) {
        return new Cluster(name, server, Map.of());
    }

    /** A team; give it an owner contact with {@link Team#owner(String)}. */
    public static Team team(String name) {
        return new Team(name, "");
    }

    /** Starts a service: a Deployment behind a ClusterIP Service, called by the apps that declare it. */
    public static App.Builder app(String name) {
        return new App.Builder(name);
    }

    /** Starts a worker: a Deployment with no Service and no ingress, for apps that only call out. */
    public static WorkerBuilder worker(String name) {
        return new WorkerBuilder(name);
    }

    /**
     * Starts a scheduled job: a CronJob on this schedule (five cron fields such as {@code 0 2 * * *}, or a macro such
     * as {@code @daily}).
     */
    public static ScheduledJobBuilder scheduledJob(String name, String schedule) {
        return new ScheduledJobBuilder(name, schedule);
    }

    /** Starts a stateful service: a StatefulSet behind a headless Service, with a volume per pod. */
    public static StatefulServiceBuilder statefulService(String name) {
        return new StatefulServiceBuilder(name);
    }

    /** Starts a job that runs before each sync of its app: hand it to {@code beforeSync(..)}. */
    public static SyncJobBuilder job(String name) {
        return new SyncJobBuilder(name);
    }

    /** Starts an init container or sidecar: hand it to {@code initContainer(..)} or {@code sidecar(..)}. */
    public static Container.Builder container(String name) {
        return new Container.Builder(name);
    }

    /** A named TCP port. */
    public static Port port(String name, int number) {
        return new Port(name, number, Protocol.TCP, 0);
    }

    /** A named UDP port. */
    public static Port udpPort(String name, int number) {
        return new Port(name, number, Protocol.UDP, 0);
    }

    /** What the container is guaranteed: CPU ({@code 250m}) and memory ({@code 64Mi}). */
    public static Requests requests(String cpu, String memory) {
        return new Requests(cpu, memory);
    }

    /** The most the container may use: CPU ({@code 500m}) and memory ({@code 128Mi}). */
    public static Limits limits(String cpu, String memory) {
        return new Limits(cpu, memory);
    }

    /** An HTTP GET probe on the app's first port. */
    public static Probe httpGet(String path) {
        return Probe.of(new Probe.HttpGet(path, Optional.empty()));
    }

    /** An HTTP GET probe on a named port. */
    public static Probe httpGet(String path, String portName) {
        return Probe.of(new Probe.HttpGet(path, Copies.optional(portName)));
    }

    /** A TCP connect probe on the app's first port. */
    public static Probe tcpSocket() {
        return Probe.of(new Probe.TcpSocket(Optional.empty()));
    }

    /** A TCP connect probe on a named port. */
    public static Probe tcpSocket(String portName) {
        return Probe.of(new Probe.TcpSocket(Copies.optional(portName)));
    }

    /** A probe that runs a command in the container. */
    public static Probe exec(String... command) {
        return Probe.of(new Probe.Exec(Copies.list(command)));
    }

    /** A rolling update with this surge and unavailability (numbers or percentages). */
    public static Rollout rollingUpdate(String maxSurge, String maxUnavailable) {
        return new Rollout(false, maxSurge, maxUnavailable, 0);
    }

    /** Stop every old pod before new ones start. */
    public static Rollout recreate() {
        return new Rollout(true, "0", "0", 0);
    }

    /** A disruption budget keeping at least this many pods (a number or percentage). */
    public static DisruptionBudget minAvailable(String amount) {
        return new DisruptionBudget(true, amount);
    }

    /** A disruption budget allowing at most this many pods down (a number or percentage). */
    public static DisruptionBudget maxUnavailable(String amount) {
        return new DisruptionBudget(false, amount);
    }

    /** Tolerates the taint {@code key=value:effect}. */
    public static Toleration toleration(String key, String value, Toleration.Effect effect) {
        return new Toleration(key, Copies.optional(value), Toleration.Operator.EQUAL, Copies.optional(effect));
    }

    /** Tolerates any taint with this key and effect. */
    public static Toleration tolerationExists(String key, Toleration.Effect effect) {
        return new Toleration(key, Optional.empty(), Toleration.Operator.EXISTS, Copies.optional(effect));
    }

    /**
     * Addresses outside the cluster, as an IPv4 or IPv6 CIDR; narrow it with {@code .except(..)}, then say its ports:
     * {@code .ports(443)}, or {@code .allPorts()}.
     */
    public static Dependency.Cidr cidr(String cidr) {
        return new Dependency.Cidr(cidr, List.of());
    }

    /** Every port of the other end of an edge: {@code calledByNamespace("monitoring", allPorts())}. */
    public static AllPorts allPorts() {
        return AllPorts.ALL_PORTS;
    }

    /** Read access: get, list and watch on these resources of the core API group. */
    public static Permission read(String... resources) {
        return new Permission("", Copies.list(resources), List.of("get", "list", "watch"), List.of(), false);
    }

    /** Watch access: list and watch on these resources of the core API group. */
    public static Permission watch(String... resources) {
        return new Permission("", Copies.list(resources), List.of("list", "watch"), List.of(), false);
    }

    /** These verbs, on the resources named next: {@code allow("get", "list").on("pods")}. */
    public static Permission.Verbs allow(String... verbs) {
        return new Permission.Verbs(Copies.list(verbs));
    }

    /** What leader election with a Lease needs (client-go's leaderelection package). */
    public static Permission leaderElection() {
        return new Permission("coordination.k8s.io", List.of("leases"), List.of("create", "get", "update"), List.of(), false);
    }

    /** Recording events about the app's own work. */
    public static Permission events() {
        return new Permission("events.k8s.io", List.of("events"), List.of("create", "patch"), List.of(), false);
    }

    /** A secret sealed for the sealed-secrets controller: already sealed ciphertext, or values sealed at render time. */
    public static Secret.SealedBuilder sealed(String name) {
        return new Secret.SealedBuilder(name);
    }

    /** A secret the External Secrets Operator fetches from a platform secret store. */
    public static Secret.ExternalBuilder external(String name) {
        return new Secret.ExternalBuilder(name);
    }

    /** A Vault store (KV v2 at {@code secret}, Kubernetes auth at {@code kubernetes} with role {@code goldenpath}). */
    public static SecretStore vault(String name, String server) {
        return new SecretStore(name, server, "secret", 2, "kubernetes", "goldenpath");
    }

    /** Starts the cluster baseline settings; see {@link Baseline}. */
    public static Baseline.Builder baseline() {
        return new Baseline.Builder();
    }

    /** Images from these registry globs ({@code registry.acme.example/**}; none: the apps' registries) signed with this cosign key (PEM). */
    public static Baseline.ImageSignatures cosignKey(String publicKeyPem, String... registries) {
        return new Baseline.ImageSignatures(Copies.list(registries), Copies.optional(publicKeyPem), Optional.empty(), Optional.empty());
    }

    /** Images from these registry globs (none: the apps' registries) signed keyless by this OIDC issuer and subject. */
    public static Baseline.ImageSignatures keyless(String issuer, String subject, String... registries) {
        return new Baseline.ImageSignatures(Copies.list(registries), Optional.empty(), Copies.optional(issuer), Copies.optional(subject));
    }

    /** The default runtime profile (no shells, no writes below /etc), to refine with its methods. */
    public static RuntimeProfile runtimeProfile() {
        return RuntimeProfile.DEFAULT;
    }

    /**
     * The platform's Gateway API Gateway {@code namespace/name}, for {@code environment(..).gateway(..)}: routes attach
     * to its listener {@code https} and the gateway's pods are those labelled
     * {@code gateway.networking.k8s.io/gateway-name: <name>} in its namespace, unless {@code .listener(..)} and
     * {@code .pods(..)} say otherwise.
     */
    public static Gateway gateway(String namespace, String name) {
        return Gateway.of(namespace, name);
    }

    /** The ingress class exposed apps' Ingresses use, for {@code environment(..).ingressClass(..)}. */
    public static IngressClass ingressClass(String name) {
        return new IngressClass(name, Optional.empty());
    }

    /** A cert-manager {@code ClusterIssuer}, for {@code ingressClass(..).issuer(..)}. */
    public static Issuer clusterIssuer(String name) {
        return new Issuer(Issuer.Kind.CLUSTER_ISSUER, name);
    }

    /** A cert-manager {@code Issuer}, present in every app namespace that uses it, for {@code ingressClass(..).issuer(..)}. */
    public static Issuer issuer(String name) {
        return new Issuer(Issuer.Kind.ISSUER, name);
    }
}
