package dev.goldenpath.dsl;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What differs for one app in one environment. Everything not overridden comes from the app.
 *
 * @param environment the environment's name
 * @param replicas    the replica count there
 * @param resources   requests and limits there
 * @param imageTag    the image tag there (replaces the tag of the app's image, drops its digest)
 * @param clusters    a subset of the environment's clusters, by name; empty means all of them
 */
public record EnvironmentOverride(String environment, OptionalInt replicas, Optional<Resources> resources,
                       Optional<String> imageTag, List<String> clusters) {

    public EnvironmentOverride {
        clusters = Copies.list(clusters);
    }

    /** Collects an {@link EnvironmentOverride}; handed to the lambda of {@code app.in(environment, o -> ...)}. */
    public static final class Builder {
        private final String environment;
        private OptionalInt replicas = OptionalInt.empty();
        private Optional<Resources> resources = Optional.empty();
        private Optional<String> imageTag = Optional.empty();
        private List<String> clusters = List.of();

        Builder(String environment) {
            this.environment = environment;
        }

        public Builder replicas(int count) {
            this.replicas = OptionalInt.of(count);
            return this;
        }

        public Builder resources(Requests requests, Limits limits) {
            this.resources = Optional.of(new Resources(requests, limits));
            return this;
        }

        public Builder imageTag(String tag) {
            this.imageTag = Copies.optional(tag);
            return this;
        }

        /** Deploys only to these of the environment's clusters. */
        public Builder clusters(String... names) {
            this.clusters = Copies.list(names);
            return this;
        }

        EnvironmentOverride build() {
            return new EnvironmentOverride(environment, replicas, resources, imageTag, clusters);
        }
    }
}
