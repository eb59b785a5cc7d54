package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One application: what it runs, what it needs, and every default it gives up (with a reason). Built with
 * {@code GoldenPath.app(name)}; the minimal app (name, team, image, port) is already secure.
 *
 * <pre>{@code
 * app("payments-api")
 *     .team("payments")
 *     .image("registry.example.com/payments-api:1.4.2")
 *     .port(8080)
 *     .replicas(3)
 *     .resources(requests("250m", "64Mi"), limits("500m", "128Mi"))
 *     .in("production", o -> o.replicas(5))
 * }</pre>
 *
 * <p>Its parts are grouped as the DSL reads: the {@link Container} (image, ports, resources, probes, ...), its
 * {@link Availability}, {@link Scheduling}, {@link Metadata}, {@link Placement} (namespace, environments,
 * overrides), {@link Traffic} (the declared network edges), {@link ApiAccess}, secrets and declared weakenings.
 *
 * @param fsGroup the gid that owns mounted volumes; empty means the container's group
 */
public record App(
        String name,
        String team,
        Container container,
        Availability availability,
        Scheduling scheduling,
        OptionalLong fsGroup,
        Metadata metadata,
        Placement placement,
        Traffic traffic,
        ApiAccess apiAccess,
        List<Secret> secrets,
        List<DeclaredWeakening> weakenings,
        RuntimeProfile runtimeProfile) {

    /** The uid and gid apps run as unless they say otherwise: not root, and not a uid images commonly use. */
    public static final long DEFAULT_USER = 10001;

    public App {
        secrets = Copies.list(secrets);
        weakenings = Copies.list(weakenings);
    }

    /** The weakening for this weakening, if the app declares one. */
    public Optional<DeclaredWeakening> weakening(Weakening weakening) {
        return weakenings.stream().filter(e -> e.weakening() == weakening).findFirst();
    }

    /** True when the app gives up this secure default (with a reason). */
    public boolean weakens(Weakening weakening) {
        return weakening(weakening).isPresent();
    }

    /** Builds an {@link App}. Nothing is checked here: the platform validates all apps at once. */
    public static final class Builder {
        private final String name;
        private String team = "";
        private String image = "";
        private final List<Port> ports = new ArrayList<>();
        private int replicas = 1;
        private Resources resources = Resources.DEFAULT;
        private final List<EnvVar> env = new ArrayList<>();
        private List<String> command = List.of();
        private List<String> args = List.of();
        private Optional<Probe> liveness = Optional.empty();
        private Optional<Probe> readiness = Optional.empty();
        private Optional<Probe> startup = Optional.empty();
        private final List<WritablePath> writablePaths = new ArrayList<>();
        private OptionalLong runAsUser = OptionalLong.empty();
        private OptionalLong runAsGroup = OptionalLong.empty();
        private OptionalLong fsGroup = OptionalLong.empty();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private Rollout rollout = Rollout.DEFAULT;
        private DisruptionBudget disruptionBudget = DisruptionBudget.DEFAULT;
        private Optional<Autoscaling> autoscaling = Optional.empty();
        private Optional<String> runtimeClassName = Optional.empty();
        private final Map<String, String> nodeSelector = new LinkedHashMap<>();
        private final List<Toleration> tolerations = new ArrayList<>();
        private final List<String> addedCapabilities = new ArrayList<>();
        private Optional<String> namespace = Optional.empty();
        private List<String> environments = List.of();
        private final List<EnvironmentOverride> overrides = new ArrayList<>();
        private final List<DeclaredWeakening> weakenings = new ArrayList<>();
        private final List<Caller> callers = new ArrayList<>();
        private final List<Dependency> dependencies = new ArrayList<>();
        private boolean dnsEgress = true;
        private final List<Permission> permissions = new ArrayList<>();
        private Optional<String> roleName = Optional.empty();
        private final List<Secret> secrets = new ArrayList<>();
        private RuntimeProfile runtimeProfile = RuntimeProfile.DEFAULT;

        Builder(String name) {
            this.name = name;
        }

        /** The team that owns the app (declared on the platform). */
        public Builder team(String teamName) {
            this.team = teamName;
            return this;
        }

        /** The image, with a tag and/or a {@code @sha256:} digest; {@code :latest} and untagged are refused. */
        public Builder image(String reference) {
            this.image = reference;
            return this;
        }

        /** A TCP port named {@code http} (the first one) or {@code port-<number>}. */
        public Builder port(int number) {
            return port(ports.isEmpty() ? "http" : "port-" + number, number);
        }

        /** A named TCP port. */
        public Builder port(String portName, int number) {
            return port(new Port(portName, number, Protocol.TCP, 0));
        }

        /** A port as built by {@code GoldenPath.port(..)}. */
        public Builder port(Port port) {
            ports.add(port);
            return this;
        }

        /** The replica count in every environment that does not override it (default 1). */
        public Builder replicas(int count) {
            this.replicas = count;
            return this;
        }

        public Builder resources(Requests requests, Limits limits) {
            this.resources = new Resources(requests, limits);
            return this;
        }

        /** A plain environment variable; keep secrets out of here. */
        public Builder env(String variable, String value) {
            env.add(new EnvVar(variable, value));
            return this;
        }

        /** Replaces the image's entrypoint. */
        public Builder command(String... words) {
            this.command = Copies.list(words);
            return this;
        }

        /** Replaces the image's arguments. */
        public Builder args(String... words) {
            this.args = Copies.list(words);
            return this;
        }

        /** The liveness probe; without one, a TCP check of the first port. */
        public Builder liveness(Probe probe) {
            this.liveness = Copies.optional(probe);
            return this;
        }

        /** The readiness probe; without one, a TCP check of the first port. */
        public Builder readiness(Probe probe) {
            this.readiness = Copies.optional(probe);
            return this;
        }

        /** A startup probe for slow starters; none by default. */
        public Builder startup(Probe probe) {
            this.startup = Copies.optional(probe);
            return this;
        }

        /** A folder the app may write to, mounted as a size-limited emptyDir ({@value WritablePath#DEFAULT_SIZE_LIMIT}). */
        public Builder writablePath(String path) {
            return writablePath(path, WritablePath.DEFAULT_SIZE_LIMIT);
        }

        public Builder writablePath(String path, String sizeLimit) {
            writablePaths.add(new WritablePath(path, sizeLimit));
            return this;
        }

        /** The uid the container runs as (default {@value App#DEFAULT_USER}); 0 needs {@link Weakening#RUN_AS_ROOT}. */
        public Builder runAsUser(long uid) {
            this.runAsUser = OptionalLong.of(uid);
            return this;
        }

        /** The primary gid (default: the uid). */
        public Builder runAsGroup(long gid) {
            this.runAsGroup = OptionalLong.of(gid);
            return this;
        }

        /** The gid that owns mounted volumes (default: the group). */
        public Builder fsGroup(long gid) {
            this.fsGroup = OptionalLong.of(gid);
            return this;
        }

        /** An extra label on every object of the app. */
        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** An extra annotation on every object of the app. */
        public Builder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public Builder rollout(Rollout strategy) {
            this.rollout = strategy;
            return this;
        }

        public Builder disruptionBudget(DisruptionBudget budget) {
            this.disruptionBudget = budget;
            return this;
        }

        /** Scales between min and max replicas to keep average CPU use near the target. */
        public Builder autoscale(int minReplicas, int maxReplicas, int cpuUtilizationPercent) {
            this.autoscaling = Optional.of(new Autoscaling(minReplicas, maxReplicas, cpuUtilizationPercent));
            return this;
        }

        /** Runs under this RuntimeClass, e.g. a Wasm runtime or gVisor. */
        public Builder runtimeClass(String runtimeClass) {
            this.runtimeClassName = Copies.optional(runtimeClass);
            return this;
        }

        public Builder nodeSelector(String key, String value) {
            nodeSelector.put(key, value);
            return this;
        }

        public Builder toleration(Toleration toleration) {
            tolerations.add(toleration);
            return this;
        }

        /**
         * Adds Linux capabilities. {@code NET_BIND_SERVICE} is allowed by PSS restricted; anything else needs
         * {@link Weakening#ADDED_CAPABILITIES}.
         */
        public Builder addCapabilities(String... capabilities) {
            Copies.addAll(addedCapabilities, capabilities);
            return this;
        }

        /** Puts the app in this namespace (a pattern with {@code {team}}, {@code {environment}}, {@code {app}}). */
        public Builder namespace(String pattern) {
            this.namespace = Copies.optional(pattern);
            return this;
        }

        /** Deploys the app only to these environments (default: all). */
        public Builder onlyIn(String... environmentNames) {
            this.environments = Copies.list(environmentNames);
            return this;
        }

        /** Changes replicas, resources, image tag or clusters in one environment. */
        public Builder in(String environment, Consumer<EnvironmentOverride.Builder> changes) {
            if (changes == null) {
                overrides.add(null);
                return this;
            }
            EnvironmentOverride.Builder override = new EnvironmentOverride.Builder(environment);
            changes.accept(override);
            overrides.add(override.build());
            return this;
        }

        /**
         * Gives up one secure default, with a reason that is rendered next to the weakened object and listed in
         * the render and lint reports. The reason should say why and who decided (a ticket, an owner).
         */
        public Builder weaken(Weakening weakening, String reason) {
            weakenings.add(new DeclaredWeakening(weakening, reason));
            return this;
        }

        /** Another app of the platform may call this one on these of its ports. */
        public Builder calledBy(String app, int port, int... morePorts) {
            callers.add(new Caller.App(app, Copies.ports(port, morePorts)));
            return this;
        }

        /** Another app of the platform may call this one on every port. */
        public Builder calledBy(String app, AllPorts allPorts) {
            callers.add(allPorts == null ? null : new Caller.App(app, List.of()));
            return this;
        }

        /** Every pod of this namespace may call the app on these ports. */
        public Builder calledByNamespace(String namespace, int port, int... morePorts) {
            callers.add(new Caller.Namespace(namespace, Copies.ports(port, morePorts)));
            return this;
        }

        /** Every pod of this namespace may call the app on every port. */
        public Builder calledByNamespace(String namespace, AllPorts allPorts) {
            callers.add(allPorts == null ? null : new Caller.Namespace(namespace, List.of()));
            return this;
        }

        /** The platform's ingress controller may call the app on these ports. */
        public Builder calledByIngressController(int port, int... morePorts) {
            callers.add(new Caller.IngressController(Copies.ports(port, morePorts)));
            return this;
        }

        /** The platform's ingress controller may call the app on every port. */
        public Builder calledByIngressController(AllPorts allPorts) {
            callers.add(allPorts == null ? null : new Caller.IngressController(List.of()));
            return this;
        }

        /** The app calls another app of the platform on these of its ports. */
        public Builder calls(String app, int port, int... morePorts) {
            dependencies.add(new Dependency.App(app, Copies.ports(port, morePorts)));
            return this;
        }

        /** The app calls another app of the platform on every port. */
        public Builder calls(String app, AllPorts allPorts) {
            dependencies.add(allPorts == null ? null : new Dependency.App(app, List.of()));
            return this;
        }

        /** The app calls addresses outside the cluster: {@code callsExternal(cidr("203.0.113.0/24").ports(443))}. */
        public Builder callsExternal(Dependency.External block) {
            dependencies.add(block);
            return this;
        }

        /** Turns off the default egress to the cluster DNS (for apps that resolve nothing). */
        public Builder withoutDns() {
            this.dnsEgress = false;
            return this;
        }

        /** What the app may do in the Kubernetes API; its service-account token is mounted only when it has any. */
        public Builder permissions(Permission... granted) {
            Copies.addAll(permissions, granted);
            return this;
        }

        /** Names the app's Role (default: the app's name). */
        public Builder roleName(String name) {
            this.roleName = Copies.optional(name);
            return this;
        }

        /** A secret the app mounts or reads into environment variables; see {@link Secret}. */
        public Builder secret(Secret.Builder<?> secret) {
            secrets.add(secret == null ? null : secret.build());
            return this;
        }

        /** What the app's containers do at run time, for runtime detection (default {@link RuntimeProfile#DEFAULT}). */
        public Builder runtimeProfile(RuntimeProfile profile) {
            this.runtimeProfile = profile;
            return this;
        }

        public App build() {
            return new App(name, team,
                    new Container(image, ports, resources, env, command, args, liveness, readiness, startup,
                            writablePaths, runAsUser, runAsGroup, addedCapabilities),
                    new Availability(replicas, rollout, disruptionBudget, autoscaling),
                    new Scheduling(runtimeClassName, nodeSelector, tolerations),
                    fsGroup,
                    new Metadata(labels, annotations),
                    new Placement(namespace, environments, overrides),
                    new Traffic(callers, dependencies, dnsEgress),
                    new ApiAccess(permissions, roleName),
                    secrets, weakenings, runtimeProfile);
        }
    }
}
