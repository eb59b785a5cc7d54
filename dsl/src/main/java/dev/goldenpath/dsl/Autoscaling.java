package dev.goldenpath.dsl;

/**
 * A HorizontalPodAutoscaler's range and target. While it is set, the Deployment does not state a replica
 * count, so a GitOps sync never fights the autoscaler.
 *
 * @param minReplicas          at least 1
 * @param maxReplicas          at least {@code minReplicas}
 * @param cpuUtilizationPercent target average CPU use, in percent of the request
 */
public record Autoscaling(int minReplicas, int maxReplicas, int cpuUtilizationPercent) {
}
