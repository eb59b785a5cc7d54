package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * The containers that run beside an app's main container. In the pod, native sidecars come first, then the init
 * containers, each in declared order: a native sidecar is started (and, with a startup probe, started up) before the
 * next init container runs, so an init container can use a sidecar (a database proxy, a mesh proxy). Where the cluster
 * has no native sidecars ({@code environment(..).nativeSidecars(false)}), sidecars are regular containers after the
 * main one.
 *
 * @param initContainers run to completion, in order, before the main container starts
 * @param sidecars       run for the pod's whole life beside the main container (native sidecars where the cluster
 *                       supports them: init containers with {@code restartPolicy: Always})
 */
public record Companions(List<NamedContainer> initContainers, List<NamedContainer> sidecars) {

    public Companions {
        initContainers = Copies.list(initContainers);
        sidecars = Copies.list(sidecars);
    }

    /** The sidecars, then the init containers: every container of the pod but the main one, in the pod's order. */
    public List<NamedContainer> all() {
        if (initContainers.isEmpty()) {
            return sidecars;
        }
        List<NamedContainer> all = new ArrayList<>(sidecars);
        all.addAll(initContainers);
        return Copies.list(all);
    }
}
