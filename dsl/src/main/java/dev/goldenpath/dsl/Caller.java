package dev.goldenpath.dsl;

import java.util.List;

/**
 * Who may open connections to an app. Declaring an edge once is enough: {@code a.calls("b", 5432)} and
 * {@code b.calledBy("a", 5432)} render the same egress on a and ingress on b.
 */
public sealed interface Caller permits Caller.App, Caller.Namespace, Caller.IngressController {

    /** The callee's ports the caller may reach; empty means all of them. */
    List<Integer> ports();

    /**
     * Another app of the platform, in the same environment.
     *
     * @param app   the calling app's name
     * @param ports the callee's port numbers; empty means all
     */
    record App(String app, List<Integer> ports) implements Caller {
        public App {
            ports = Copies.list(ports);
        }
    }

    /** Every pod of a namespace (e.g. {@code monitoring} scraping metrics). */
    record Namespace(String namespace, List<Integer> ports) implements Caller {
        public Namespace {
            ports = Copies.list(ports);
        }
    }

    /** The platform's ingress controller: how traffic from outside the cluster reaches the app. */
    record IngressController(List<Integer> ports) implements Caller {
        public IngressController {
            ports = Copies.list(ports);
        }
    }
}
