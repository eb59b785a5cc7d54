package dev.goldenpath.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A health check. The action is an HTTP GET, a TCP connect or a command; timings default to Kubernetes'
 * own defaults except where noted.
 *
 * @param action              what to check
 * @param initialDelaySeconds wait before the first check
 * @param periodSeconds       time between checks
 * @param timeoutSeconds      time one check may take
 * @param failureThreshold    failed checks in a row before the probe fails
 */
public record Probe(Action action, int initialDelaySeconds, int periodSeconds, int timeoutSeconds,
                    int failureThreshold) {

    /** A probe with Kubernetes' default timings. */
    public static Probe of(Action action) {
        return new Probe(action, 0, 10, 1, 3);
    }

    public Probe initialDelaySeconds(int seconds) {
        return new Probe(action, seconds, periodSeconds, timeoutSeconds, failureThreshold);
    }

    public Probe periodSeconds(int seconds) {
        return new Probe(action, initialDelaySeconds, seconds, timeoutSeconds, failureThreshold);
    }

    public Probe timeoutSeconds(int seconds) {
        return new Probe(action, initialDelaySeconds, periodSeconds, seconds, failureThreshold);
    }

    public Probe failureThreshold(int count) {
        return new Probe(action, initialDelaySeconds, periodSeconds, timeoutSeconds, count);
    }

    /** What a probe does. */
    public sealed interface Action permits HttpGet, TcpSocket, Exec {
    }

    /**
     * An HTTP GET that must answer 2xx or 3xx.
     *
     * @param path the request path, starting with '/'
     * @param port a declared port's name; empty means the app's first port
     */
    public record HttpGet(String path, Optional<String> port) implements Action {
    }

    /** A TCP connect to a declared port (by name; empty means the first port). */
    public record TcpSocket(Optional<String> port) implements Action {
    }

    /** A command run in the container that must exit 0. */
    public record Exec(List<String> command) implements Action {
        public Exec {
            command = Copies.list(command);
        }
    }
}
