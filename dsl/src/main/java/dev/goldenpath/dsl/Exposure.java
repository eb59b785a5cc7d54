package dev.goldenpath.dsl;

import java.util.List;

/**
 * What an app serves from outside the cluster: each route is rendered as a Gateway API HTTPRoute or an Ingress, as the
 * platform's environment declares, and the matching NetworkPolicy ingress from the gateway's pods.
 *
 * @param routes the host names and paths served
 */
public record Exposure(List<Route> routes) {

    public Exposure {
        routes = Copies.list(routes);
    }
}
