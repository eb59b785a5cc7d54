package dev.goldenpath.dsl;

import java.util.List;

/**
 * An init container or a sidecar of an app: a container of its own with the same hardening, resources and probe rules
 * as the app's main container.
 *
 * @param name               a DNS-1123 label, unique among the pod's containers
 * @param container          what it runs
 * @param resourcesDeclared  whether the spec gave it requests and limits (it must: there is no sensible default for a
 *                           helper container)
 * @param secrets            the app's secrets this container gets too (mounted and read into variables as the app's
 *                           main container gets them); none by default: least privilege
 */
public record NamedContainer(String name, Container container, boolean resourcesDeclared, List<String> secrets) {

    public NamedContainer {
        secrets = Copies.list(secrets);
    }

    static NamedContainer of(Container.Builder builder) {
        return builder == null ? null
                : new NamedContainer(builder.name(), builder.build(), builder.resourcesDeclared(), builder.secrets());
    }
}
