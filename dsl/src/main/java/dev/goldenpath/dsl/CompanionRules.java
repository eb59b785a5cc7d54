package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.Set;

/**
 * An app's init containers and sidecars: each is a container of the pod with the main container's rules (a pinned
 * image, requests and limits that it must declare, valid variables and writable paths, non-root ids, no credential
 * in plaintext), a DNS-1123 name unique in the pod, and what its kind allows: a sidecar is probed and may listen (its
 * ports are the app's, checked by {@link PortRules}), an init container runs to completion with neither probes nor
 * ports. Capabilities are checked with the main container's ({@link ContainerRules#capabilities}).
 */
record CompanionRules(Platform platform, Problems problems) {

    /** {@code apps[web].sidecar[name]}: where a sidecar is declared. */
    static FieldPath sidecarPath(FieldPath app, NamedContainer sidecar) {
        return app.field("sidecar").key(sidecar.name());
    }

    /** {@code apps[web].initContainer[name]}: where an init container is declared. */
    static FieldPath initContainerPath(FieldPath app, NamedContainer init) {
        return app.field("initContainer").key(init.name());
    }

    /** Whether an init container or sidecar runs with uid or gid 0 (which needs the app's RUN_AS_ROOT weakening). */
    static boolean usesRoot(App app) {
        return app.companions().all().stream().anyMatch(c -> c.container().runAsUser().orElse(-1) == 0
                || c.container().runAsGroup().orElse(-1) == 0);
    }

    void app(App app, FieldPath path) {
        Set<String> names = new HashSet<>();
        names.add(app.name());
        for (NamedContainer sidecar : app.companions().sidecars()) {
            FieldPath sidecarPath = sidecarPath(path, sidecar);
            container(app, sidecar, sidecarPath, names);
            new ProbeRules(problems).sidecar(app, sidecar, sidecarPath);
            if (app.workload() instanceof Workload.Worker || app.workload() instanceof Workload.ScheduledJob) {
                // No Service and default-deny ingress: a listening sidecar could never be called, and a port the
                // network proof cannot place is a port nobody reviews.
                for (Port port : sidecar.container().ports()) {
                    problems.add(ViolationCode.SIDECAR_PORTS_NOT_SERVED, sidecarPath.field("ports").key(port.name()),
                            port.number(), "a worker or scheduled job has no Service and takes no traffic, so nothing "
                                    + "can call its sidecar", "remove the port, or make the app an app(..) that declares its callers");
                }
            }
        }
        for (NamedContainer init : app.companions().initContainers()) {
            FieldPath initPath = initContainerPath(path, init);
            container(app, init, initPath, names);
            new ProbeRules(problems).initContainer(init, initPath);
            for (Port port : init.container().ports()) {
                problems.add(ViolationCode.INIT_CONTAINER_PORTS, initPath.field("ports").key(port.name()), port.number(),
                        "an init container runs to completion before the app starts, so nothing can call it on a port",
                        "remove the port; if the container serves beside the app, declare it with .sidecar(..)");
            }
        }
        jobCompletion(app, path);
    }

    /** What every init container and sidecar is checked for, like the main container. */
    private void container(App app, NamedContainer companion, FieldPath path, Set<String> names) {
        Container container = companion.container();
        // The API server: a container name is a DNS-1123 label, unique among the pod's containers of every kind.
        problems.addIf(ViolationCode.CONTAINER_NAME_INVALID, path.field("name"), companion.name(),
                Names.dns1123Label(companion.name()), "use e.g. 'log-shipper'");
        if (!names.add(companion.name())) {
            problems.add(ViolationCode.CONTAINER_NAME_DUPLICATE, path.field("name"), companion.name(),
                    "container names must be unique in the pod, and the main container has the app's name",
                    "rename one of the containers called '" + companion.name() + "'");
        }
        new ImageRules(problems).image(path.field("image"), container.image());
        if (companion.resourcesDeclared()) {
            new ResourceRules(problems).resources(path.field("resources"), container.resources());
        } else {
            // NSA/CISA hardening guide, resource policies: every container states what it needs. The app's defaults
            // are sized for an app; a helper's needs are its own, so there is no default to fall back to.
            problems.add(ViolationCode.CONTAINER_RESOURCES_MISSING, path.field("resources"), "none",
                    "every init container and sidecar declares its requests and limits: there is no default for a "
                            + "helper container", "add .resources(requests(\"50m\", \"32Mi\"), limits(\"100m\", \"64Mi\"))");
        }
        ContainerRules rules = new ContainerRules(problems);
        rules.env(container, path);
        rules.writablePaths(container, path);
        new SecretValueRules(platform, problems).container(container, path);
        boolean root = app.weakens(Weakening.RUN_AS_ROOT);
        WorkloadRules ids = new WorkloadRules(platform, problems);
        ids.id(path.field("runAsUser"), container.runAsUser().orElse(App.DEFAULT_USER), root);
        ids.id(path.field("runAsGroup"), container.runAsGroup().orElse(container.runAsUser().orElse(App.DEFAULT_USER)), root);
        for (String secret : companion.secrets()) {
            if (app.secrets().stream().noneMatch(s -> s.name().equals(secret))) {
                problems.add(ViolationCode.CONTAINER_SECRET_UNKNOWN, path.field("secrets").key(secret), secret,
                        "a container is given only secrets the app declares",
                        "declare .secret(sealed(\"" + secret + "\")...) on the app" + (app.secrets().isEmpty() ? ""
                                : ", or use one of " + app.secrets().stream().map(Secret::name).sorted().toList()));
            }
        }
    }

    /**
     * Without native sidecars a sidecar is a regular container: it never exits, so the Job's pod never completes and
     * the CronJob's runs pile up until their deadline fails them (Kubernetes docs, "Sidecar containers").
     */
    private void jobCompletion(App app, FieldPath path) {
        if (!(app.workload() instanceof Workload.ScheduledJob) || app.companions().sidecars().isEmpty()) {
            return;
        }
        for (Environment environment : platform.environments()) {
            if (environment.nativeSidecars() || !Instances.deployedIn(app, environment)) {
                continue;
            }
            for (NamedContainer sidecar : app.companions().sidecars()) {
                problems.add(ViolationCode.SIDECAR_BLOCKS_JOB_COMPLETION, sidecarPath(path, sidecar), sidecar.name(),
                        "environment " + environment.name() + " has no native sidecars, so the sidecar would be a "
                                + "regular container that never exits and the job's runs would never complete",
                        "run the sidecar's work in the job's own container, deploy the job only where native sidecars "
                                + "exist (onlyIn(..)), or enable them (Kubernetes 1.29+) and drop .nativeSidecars(false)");
            }
        }
    }
}
