package dev.goldenpath.dsl;

import java.util.List;
import java.util.Objects;

/**
 * One app in one environment, with the environment's overrides applied: what generators render.
 *
 * @param app         the app as declared
 * @param environment the environment
 * @param team        the owning team
 * @param namespace   the resolved namespace
 * @param image       the image reference, with the environment's tag if overridden
 * @param replicas    the replica count there (ignored while autoscaling)
 * @param resources   requests and limits there
 * @param clusters    the clusters it runs on there
 */
public record AppInstance(App app, Environment environment, Team team, String namespace, String image,
                          int replicas, Resources resources, List<Cluster> clusters) {

    public AppInstance {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(resources, "resources");
        clusters = List.copyOf(clusters);
    }

    /** The app's name. */
    public String name() {
        return app.name();
    }

    /** The most replicas the instance runs with: the autoscaler's minimum when it scales, else its count. */
    public int minimumReplicas() {
        return app.availability().autoscaling().map(Autoscaling::minReplicas).orElse(replicas);
    }
}
