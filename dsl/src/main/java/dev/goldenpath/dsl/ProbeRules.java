package dev.goldenpath.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Liveness, readiness and startup probes: what they check exists (a path, a command, a declared port), their timings
 * are ones the kubelet accepts, and an app that gets no probe at all says so with a weakening.
 */
record ProbeRules(Problems problems) {

    void app(App app, FieldPath path) {
        probes(app.container(), path, "the app");
        // Apps with ports get a TCP probe on their first port by default (see the generators' probe defaults).
        boolean probed = app.container().liveness().isPresent() || app.container().readiness().isPresent() || !app.container().ports().isEmpty();
        if (app.workload() instanceof Workload.ScheduledJob) {
            return; // runs to completion: the Job's exit code is its health (ScheduledJobRules checks its probes)
        }
        if (app.weakens(Weakening.NO_PROBES)) {
            if (declaresProbes(app.container())
                    || app.companions().sidecars().stream().anyMatch(sidecar -> declaresProbes(sidecar.container()))) {
                problems.add(ViolationCode.WEAKENING_UNUSED, path.weakening(Weakening.NO_PROBES), "NO_PROBES",
                        "the app declares probes, so NO_PROBES is unused", "remove .weaken(NO_PROBES, ...) or the probes");
            }
        } else if (!probed) {
            problems.add(ViolationCode.PROBE_MISSING, path.field("liveness"), "none",
                    "an app without ports gets no default probe, and without probes Kubernetes cannot see it is broken",
                    "declare .liveness(exec(...)) and .readiness(exec(...)), or .weaken(NO_PROBES, \"<reason>\")");
        }
    }

    /**
     * A sidecar runs for the pod's whole life, so it is probed like the main container: a TCP check of its first port
     * by default, its own probes otherwise; one with neither needs the app's NO_PROBES weakening (which then leaves
     * every container of the pod without probes).
     */
    void sidecar(App app, NamedContainer sidecar, FieldPath path) {
        Container container = sidecar.container();
        probes(container, path, "the container");
        boolean probed = container.liveness().isPresent() || container.readiness().isPresent() || !container.ports().isEmpty();
        if (!probed && !app.weakens(Weakening.NO_PROBES)) {
            problems.add(ViolationCode.PROBE_MISSING, path.field("liveness"), "none",
                    "a sidecar without ports gets no default probe, and without probes Kubernetes cannot see it is broken",
                    "declare .liveness(exec(...)) and .readiness(exec(...)) on the sidecar, or .weaken(NO_PROBES, \"<reason>\") on the app");
        }
    }

    /**
     * An init container runs to completion: the API server refuses liveness, readiness and startup probes on it
     * (only a native sidecar, an init container with restartPolicy Always, may have them).
     */
    void initContainer(NamedContainer init, FieldPath path) {
        Container container = init.container();
        List.of(Map.entry("liveness", container.liveness()), Map.entry("readiness", container.readiness()),
                Map.entry("startup", container.startup())).forEach(probe -> probe.getValue().ifPresent(p ->
                problems.add(ViolationCode.INIT_CONTAINER_PROBE, path.field(probe.getKey()), describe(p),
                        "an init container runs to completion, so Kubernetes refuses probes on it",
                        "remove the probe; if the container must run beside the app, declare it with .sidecar(..)")));
    }

    private static String describe(Probe probe) {
        if (probe.action() instanceof Probe.HttpGet http) {
            return "httpGet " + http.path();
        } else if (probe.action() instanceof Probe.Exec exec) {
            return "exec " + String.join(" ", exec.command());
        }
        return "tcpSocket";
    }

    private static boolean declaresProbes(Container container) {
        return container.liveness().isPresent() || container.readiness().isPresent() || container.startup().isPresent();
    }

    /** The declared probes of one container; {@code who} names it in messages ("the app", "the container"). */
    private void probes(Container container, FieldPath path, String who) {
        probe(container, who, path.field("liveness"), container.liveness());
        probe(container, who, path.field("readiness"), container.readiness());
        probe(container, who, path.field("startup"), container.startup());
    }

    private void probe(Container container, String who, FieldPath path, Optional<Probe> declared) {
        if (declared.isEmpty()) {
            return;
        }
        Probe probe = declared.get();
        Optional<String> port = Optional.empty();
        if (probe.action() instanceof Probe.HttpGet http) {
            if (!http.path().startsWith("/")) {
                problems.add(ViolationCode.PROBE_HTTP_PATH_INVALID,
                        path.field("path"), http.path(), "an HTTP probe path starts with '/'", "use e.g. '/healthz'");
            }
            port = http.port();
        } else if (probe.action() instanceof Probe.TcpSocket tcp) {
            port = tcp.port();
        } else if (probe.action() instanceof Probe.Exec exec && (exec.command().isEmpty()
                || exec.command().stream().anyMatch(String::isBlank))) {
            problems.add(ViolationCode.PROBE_EXEC_COMMAND_INVALID,
                    path.field("command"), exec.command(), "an exec probe needs a command without blank words",
                    "use e.g. exec(\"/bin/healthcheck\")");
        }
        boolean network = !(probe.action() instanceof Probe.Exec);
        if (network && port.isEmpty() && container.ports().isEmpty()) {
            problems.add(ViolationCode.PROBE_NO_PORT,
                    path.field("port"), "first port", "the probe checks the first port, but " + who + " has none",
                    "declare .port(...) or use an exec probe");
        }
        port.filter(p -> container.ports().stream().noneMatch(q -> q.name().equals(p))).ifPresent(p ->
                problems.add(ViolationCode.PROBE_PORT_UNKNOWN,
                        path.field("port"), p, "the probe refers to a port " + who + " does not declare",
                        "use one of " + container.ports().stream().map(Port::name).toList()));
        if (probe.periodSeconds() < 1 || probe.timeoutSeconds() < 1 || probe.failureThreshold() < 1
                || probe.initialDelaySeconds() < 0) {
            problems.add(ViolationCode.PROBE_TIMING_INVALID,
                    path, probe.initialDelaySeconds() + "/" + probe.periodSeconds() + "/"
                            + probe.timeoutSeconds() + "/" + probe.failureThreshold(),
                    "period, timeout and failure threshold must be at least 1, the initial delay at least 0",
                    "use positive timings");
        }
    }
}
