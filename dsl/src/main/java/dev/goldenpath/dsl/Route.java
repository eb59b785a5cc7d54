package dev.goldenpath.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A host name and path prefixes an app serves from outside the cluster, over HTTPS only.
 *
 * @param host         a fully qualified DNS name
 * @param pathPrefixes path prefixes routed to the app ({@code /} for everything)
 * @param port         the name of the app port the route reaches; empty means the first port
 */
public record Route(String host, List<String> pathPrefixes, Optional<String> port) {

    public Route {
        pathPrefixes = Copies.list(pathPrefixes);
    }

    /** The app port the route reaches: the named one, else the first; empty when the app has no such port. */
    public Optional<Port> backendPort(List<Port> appPorts) {
        if (port.isEmpty()) {
            return appPorts.stream().findFirst();
        }
        return appPorts.stream().filter(p -> p.name().equals(port.get())).findFirst();
    }
}
