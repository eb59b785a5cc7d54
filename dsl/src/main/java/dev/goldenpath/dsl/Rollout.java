package dev.goldenpath.dsl;

/**
 * How new versions replace old ones.
 *
 * @param recreate       stop all old pods before starting new ones (for apps that cannot run two versions)
 * @param maxSurge       extra pods during a rolling update: a number or a percentage
 * @param maxUnavailable pods that may be unavailable during a rolling update: a number or a percentage
 * @param minReadySeconds how long a new pod must be ready before it counts as available
 */
public record Rollout(boolean recreate, String maxSurge, String maxUnavailable, int minReadySeconds) {

    /** Zero-downtime rolling update: one quarter more pods, none unavailable. */
    public static final Rollout DEFAULT = new Rollout(false, "25%", "0", 0);

}
