package dev.goldenpath.dsl;

import java.util.List;
import java.util.Optional;

/**
 * Where an app is deployed: its namespace, the environments it runs in, and what changes in one of them.
 *
 * @param namespace    an explicit namespace pattern; empty means the environment's pattern
 * @param environments the environments the app is deployed to; empty means all of the platform's
 * @param overrides    the changes per environment (replicas, resources, image tag, clusters)
 */
public record Placement(Optional<String> namespace, List<String> environments, List<EnvironmentOverride> overrides) {

    public Placement {
        environments = Copies.list(environments);
        overrides = Copies.list(overrides);
    }
}
