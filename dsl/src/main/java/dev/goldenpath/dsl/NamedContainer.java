package dev.goldenpath.dsl;

/**
 * An init container or a sidecar of an app: a container of its own with the same hardening, resources and probe rules
 * as the app's main container.
 *
 * @param name               a DNS-1123 label, unique among the pod's containers
 * @param container          what it runs
 * @param resourcesDeclared  whether the spec gave it requests and limits (it must: there is no sensible default for a
 *                           helper container)
 */
public record NamedContainer(String name, Container container, boolean resourcesDeclared) {

    static NamedContainer of(Container.Builder builder) {
        return builder == null ? null : new NamedContainer(builder.name(), builder.build(), builder.resourcesDeclared());
    }
}
