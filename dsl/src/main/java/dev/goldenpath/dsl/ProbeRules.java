package dev.goldenpath.dsl;

import java.util.Optional;

/**
 * Liveness, readiness and startup probes: what they check exists (a path, a command, a declared port), their timings
 * are ones the kubelet accepts, and an app that gets no probe at all says so with a weakening.
 */
record ProbeRules(Problems problems) {

    void app(App app, FieldPath path) {
        probe(app, path.field("liveness"), app.container().liveness());
        probe(app, path.field("readiness"), app.container().readiness());
        probe(app, path.field("startup"), app.container().startup());
        // Apps with ports get a TCP probe on their first port by default (see the generators' probe defaults).
        boolean probed = app.container().liveness().isPresent() || app.container().readiness().isPresent() || !app.container().ports().isEmpty();
        if (app.workload() instanceof Workload.ScheduledJob) {
            return; // runs to completion: the Job's exit code is its health (ScheduledJobRules checks its probes)
        }
        if (app.weakens(Weakening.NO_PROBES)) {
            if (app.container().liveness().isPresent() || app.container().readiness().isPresent() || app.container().startup().isPresent()) {
                problems.add(ViolationCode.WEAKENING_UNUSED, path.weakening(Weakening.NO_PROBES), "NO_PROBES",
                        "the app declares probes, so NO_PROBES is unused", "remove .weaken(NO_PROBES, ...) or the probes");
            }
        } else if (!probed) {
            problems.add(ViolationCode.PROBE_MISSING, path.field("liveness"), "none",
                    "an app without ports gets no default probe, and without probes Kubernetes cannot see it is broken",
                    "declare .liveness(exec(...)) and .readiness(exec(...)), or .weaken(NO_PROBES, \"<reason>\")");
        }
    }

    private void probe(App app, FieldPath path, Optional<Probe> declared) {
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
        if (network && port.isEmpty() && app.container().ports().isEmpty()) {
            problems.add(ViolationCode.PROBE_NO_PORT,
                    path.field("port"), "first port", "the probe checks the first port, but the app has none",
                    "declare .port(...) or use an exec probe");
        }
        port.filter(p -> app.container().ports().stream().noneMatch(q -> q.name().equals(p))).ifPresent(p ->
                problems.add(ViolationCode.PROBE_PORT_UNKNOWN,
                        path.field("port"), p, "the probe refers to a port the app does not declare",
                        "use one of " + app.container().ports().stream().map(Port::name).toList()));
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
