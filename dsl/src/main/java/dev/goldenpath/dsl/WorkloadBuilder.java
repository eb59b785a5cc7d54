package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What every kind of workload is built from: the main container, identity, metadata, placement, egress, API access,
 * secrets, config, init containers and sidecars, hooks and declared weakenings. Each entry point of {@link GoldenPath}
 * returns the builder of its kind ({@link App.Builder}, {@link WorkerBuilder}, {@link ScheduledJobBuilder},
 * {@link StatefulServiceBuilder}), which adds only what that kind has: a worker has no ports, a scheduled job has a
 * schedule and no replicas. Nothing is checked here: the platform validates all apps at once.
 *
 * @param <B> the builder's own type, so that every setter returns it
 */
public abstract sealed class WorkloadBuilder<B extends WorkloadBuilder<B>> permits ReplicatedBuilder, ScheduledJobBuilder {
    final String name;
    final Container.Builder container;
    private String team = "";
    private OptionalLong fsGroup = OptionalLong.empty();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private Optional<String> runtimeClassName = Optional.empty();
    private final Map<String, String> nodeSelector = new LinkedHashMap<>();
    private final List<Toleration> tolerations = new ArrayList<>();
    private Optional<String> namespace = Optional.empty();
    private List<String> environments = List.of();
    private final List<EnvironmentOverride> overrides = new ArrayList<>();
    private final List<DeclaredWeakening> weakenings = new ArrayList<>();
    final List<Caller> callers = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private boolean dnsEgress = true;
    private final List<Permission> permissions = new ArrayList<>();
    private Optional<String> roleName = Optional.empty();
    private final List<Secret> secrets = new ArrayList<>();
    private RuntimeProfile runtimeProfile = RuntimeProfile.DEFAULT;
    private final List<ConfigFile> configFiles = new ArrayList<>();
    private final List<EnvVar> configVariables = new ArrayList<>();
    private final List<NamedContainer> initContainers = new ArrayList<>();
    private final List<NamedContainer> sidecars = new ArrayList<>();
    private final List<SyncJob> beforeSync = new ArrayList<>();

    WorkloadBuilder(String name) {
        this.name = name;
        this.container = new Container.Builder(name);
    }

    /** This builder, as its own type. */
    abstract B self();

    /** The kind of workload and its kind's settings. */
    abstract Workload workload();

    /** How many pods run and how they are replaced ({@link Availability#DEFAULT} for kinds without replicas). */
    Availability availability() {
        return Availability.DEFAULT;
    }

    /** Where the app is reached from outside the cluster (none for kinds without a Service). */
    Exposure exposure() {
        return new Exposure(List.of());
    }

    /** The team that owns the app (declared on the platform). */
    public B team(String teamName) {
        this.team = teamName;
        return self();
    }

    /** The image, with a tag and/or a {@code @sha256:} digest; {@code :latest} and untagged are refused. */
    public B image(String reference) {
        container.image(reference);
        return self();
    }

    public B resources(Requests requests, Limits limits) {
        container.resources(requests, limits);
        return self();
    }

    /** A plain environment variable; keep secrets out of here. */
    public B env(String variable, String value) {
        container.env(variable, value);
        return self();
    }

    /** Replaces the image's entrypoint. */
    public B command(String... words) {
        container.command(words);
        return self();
    }

    /** Replaces the image's arguments. */
    public B args(String... words) {
        container.args(words);
        return self();
    }

    /** The liveness probe; without one, a TCP check of the first port. */
    public B liveness(Probe probe) {
        container.liveness(probe);
        return self();
    }

    /** The readiness probe; without one, a TCP check of the first port. */
    public B readiness(Probe probe) {
        container.readiness(probe);
        return self();
    }

    /** A startup probe for slow starters; none by default. */
    public B startup(Probe probe) {
        container.startup(probe);
        return self();
    }

    /** A folder the app may write to, mounted as a size-limited emptyDir ({@value WritablePath#DEFAULT_SIZE_LIMIT}). */
    public B writablePath(String path) {
        container.writablePath(path);
        return self();
    }

    public B writablePath(String path, String sizeLimit) {
        container.writablePath(path, sizeLimit);
        return self();
    }

    /** The uid the container runs as (default {@value App#DEFAULT_USER}); 0 needs {@link Weakening#RUN_AS_ROOT}. */
    public B runAsUser(long uid) {
        container.runAsUser(uid);
        return self();
    }

    /** The primary gid (default: the uid). */
    public B runAsGroup(long gid) {
        container.runAsGroup(gid);
        return self();
    }

    /** The gid that owns mounted volumes (default: the group). */
    public B fsGroup(long gid) {
        this.fsGroup = OptionalLong.of(gid);
        return self();
    }

    /** An extra label on every object of the app. */
    public B label(String key, String value) {
        labels.put(key, value);
        return self();
    }

    /** An extra annotation on every object of the app. */
    public B annotation(String key, String value) {
        annotations.put(key, value);
        return self();
    }

    /** Runs under this RuntimeClass, e.g. a Wasm runtime or gVisor. */
    public B runtimeClass(String runtimeClass) {
        this.runtimeClassName = Copies.optional(runtimeClass);
        return self();
    }

    public B nodeSelector(String key, String value) {
        nodeSelector.put(key, value);
        return self();
    }

    public B toleration(Toleration toleration) {
        tolerations.add(toleration);
        return self();
    }

    /**
     * Adds Linux capabilities. {@code NET_BIND_SERVICE} is allowed by PSS restricted; anything else needs
     * {@link Weakening#ADDED_CAPABILITIES}.
     */
    public B addCapabilities(String... capabilities) {
        container.addCapabilities(capabilities);
        return self();
    }

    /** Puts the app in this namespace (a pattern with {@code {team}}, {@code {environment}}, {@code {app}}). */
    public B namespace(String pattern) {
        this.namespace = Copies.optional(pattern);
        return self();
    }

    /** Deploys the app only to these environments (default: all). */
    public B onlyIn(String... environmentNames) {
        this.environments = Copies.list(environmentNames);
        return self();
    }

    /** Changes replicas, resources, image tag or clusters in one environment. */
    public B in(String environment, Consumer<EnvironmentOverride.Builder> changes) {
        if (changes == null) {
            overrides.add(null);
            return self();
        }
        EnvironmentOverride.Builder override = new EnvironmentOverride.Builder(environment);
        changes.accept(override);
        overrides.add(override.build());
        return self();
    }

    /**
     * Gives up one secure default, with a reason that is rendered next to the weakened object and listed in
     * the render and lint reports. The reason should say why and who decided (a ticket, an owner).
     */
    public B weaken(Weakening weakening, String reason) {
        weakenings.add(new DeclaredWeakening(weakening, reason));
        return self();
    }

    /** The app calls another app of the platform on these of its ports. */
    public B calls(String app, int port, int... morePorts) {
        dependencies.add(new Dependency.App(app, Copies.ports(port, morePorts)));
        return self();
    }

    /** The app calls another app of the platform on every port. */
    public B calls(String app, AllPorts allPorts) {
        dependencies.add(allPorts == null ? null : new Dependency.App(app, List.of()));
        return self();
    }

    /** The app calls addresses outside the cluster: {@code callsExternal(cidr("203.0.113.0/24").ports(443))}. */
    public B callsExternal(Dependency.External block) {
        dependencies.add(block);
        return self();
    }

    /** Turns off the default egress to the cluster DNS (for apps that resolve nothing). */
    public B withoutDns() {
        this.dnsEgress = false;
        return self();
    }

    /** What the app may do in the Kubernetes API; its service-account token is mounted only when it has any. */
    public B permissions(Permission... granted) {
        Copies.addAll(permissions, granted);
        return self();
    }

    /** Names the app's Role (default: the app's name). */
    public B roleName(String name) {
        this.roleName = Copies.optional(name);
        return self();
    }

    /** A secret the app mounts or reads into environment variables; see {@link Secret}. */
    public B secret(Secret.Builder<?> secret) {
        secrets.add(secret == null ? null : secret.build());
        return self();
    }

    /** What the app's containers do at run time, for runtime detection (default {@link RuntimeProfile#DEFAULT}). */
    public B runtimeProfile(RuntimeProfile profile) {
        this.runtimeProfile = profile;
        return self();
    }

    /**
     * A config file at this absolute path with this text, e.g.
     * {@code .configFile("/etc/nginx/conf.d/default.conf", "server { listen 8080; }\n")}: rendered into the app's
     * immutable ConfigMap, named with a hash of its content (a change rolls the pods), and mounted read-only at exactly
     * this path. Text only; anything that looks like a credential is refused: use {@code sealed(..)} and refer to it.
     */
    public B configFile(String path, String content) {
        configFiles.add(new ConfigFile(path, content, "text"));
        return self();
    }

    /**
     * A config file at this absolute path with the content of a classpath resource, e.g.
     * {@code .configFileFromResource("/etc/app/application.yaml", "config/application.yaml")} for
     * {@code src/main/resources/config/application.yaml}. Read as UTF-8 now, with the calling thread's context class
     * loader; a missing or binary resource is reported by {@code build()}, naming the resource.
     */
    public B configFileFromResource(String path, String resource) {
        configFiles.add(ConfigResources.read(path, resource));
        return self();
    }

    /**
     * An environment variable whose value lives in the app's config (its immutable ConfigMap, read by key), not in the
     * pod spec, e.g. {@code .configEnv("LOG_LEVEL", "info")}. Secrets do not go here: declare a secret instead.
     */
    public B configEnv(String variable, String value) {
        configVariables.add(new EnvVar(variable, value));
        return self();
    }

    /** A container that runs to completion before the main one starts, e.g. {@code container("wait-for-db")...}. */
    public B initContainer(Container.Builder init) {
        initContainers.add(NamedContainer.of(init));
        return self();
    }

    /** A container that runs beside the main one for the pod's whole life, e.g. a log shipper or a proxy. */
    public B sidecar(Container.Builder sidecar) {
        sidecars.add(NamedContainer.of(sidecar));
        return self();
    }

    /**
     * A job that runs before each sync of the app's new version (an Argo CD PreSync hook), e.g.
     * {@code beforeSync(job("migrate-schema").command("ledger", "migrate"))}.
     */
    public B beforeSync(SyncJobBuilder job) {
        beforeSync.add(job == null ? null : job.build());
        return self();
    }

    public App build() {
        return new App(name, team, container.build(), workload(), availability(),
                new Scheduling(runtimeClassName, nodeSelector, tolerations),
                fsGroup,
                new Metadata(labels, annotations),
                new Placement(namespace, environments, overrides),
                new Traffic(callers, dependencies, dnsEgress),
                new ApiAccess(permissions, roleName),
                secrets, weakenings, runtimeProfile,
                new Config(configFiles, configVariables),
                new Companions(initContainers, sidecars),
                beforeSync, exposure());
    }
}
