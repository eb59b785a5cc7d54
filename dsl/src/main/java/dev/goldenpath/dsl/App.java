package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
 * <p>The {@link Workload} says what kind of workload it is ({@code app}, {@code worker}, {@code scheduledJob},
 * {@code statefulService}); {@link Config} holds its config files, {@link Companions} its init containers and sidecars,
 * {@code beforeSync} the jobs that run before each sync, {@link Exposure} what it serves from outside the cluster.
 *
 * @param fsGroup the gid that owns mounted volumes; empty means the container's group
 */
public record App(
        String name,
        String team,
        Container container,
        Workload workload,
        Availability availability,
        Scheduling scheduling,
        OptionalLong fsGroup,
        Metadata metadata,
        Placement placement,
        Traffic traffic,
        ApiAccess apiAccess,
        List<Secret> secrets,
        List<DeclaredWeakening> weakenings,
        RuntimeProfile runtimeProfile,
        Config config,
        Companions companions,
        List<SyncJob> beforeSync,
        Exposure exposure) {

    /** The uid and gid apps run as unless they say otherwise: not root, and not a uid images commonly use. */
    public static final long DEFAULT_USER = 10001;

    public App {
        secrets = Copies.list(secrets);
        weakenings = Copies.list(weakenings);
        beforeSync = Copies.list(beforeSync);
    }

    /** The weakening for this weakening, if the app declares one. */
    public Optional<DeclaredWeakening> weakening(Weakening weakening) {
        return weakenings.stream().filter(e -> e.weakening() == weakening).findFirst();
    }

    /** True when the app gives up this secure default (with a reason). */
    public boolean weakens(Weakening weakening) {
        return weakening(weakening).isPresent();
    }

    /**
     * Every port the app's pod listens on: the main container's, then each sidecar's (init containers have none). These
     * are the app's ports for its Service, its callers and its NetworkPolicies.
     */
    public List<Port> ports() {
        if (companions.sidecars().isEmpty()) {
            return container.ports();
        }
        List<Port> ports = new ArrayList<>(container.ports());
        companions.sidecars().forEach(sidecar -> ports.addAll(sidecar.container().ports()));
        return Copies.list(ports);
    }

    /** The Linux capabilities any container of the pod adds (main, sidecars, init containers): what its namespace must admit. */
    public List<String> addedCapabilities() {
        if (companions.all().isEmpty()) {
            return container.addedCapabilities();
        }
        List<String> added = new ArrayList<>(container.addedCapabilities());
        companions.all().forEach(companion -> added.addAll(companion.container().addedCapabilities()));
        return Copies.list(added);
    }

    /** Builds a service ({@code GoldenPath.app(name)}): a Deployment behind a ClusterIP Service. */
    public static final class Builder extends ServingBuilder<Builder> {

        Builder(String name) {
            super(name);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        Workload workload() {
            return new Workload.Service();
        }
    }
}
