package dev.goldenpath.dsl;

import java.util.List;

/**
 * The containers that run beside an app's main container.
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
}
