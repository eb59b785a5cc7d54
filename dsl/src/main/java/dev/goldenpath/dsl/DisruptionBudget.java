package dev.goldenpath.dsl;

/**
 * How many pods voluntary disruptions (node drains, upgrades) may take down at once. Rendered as a
 * PodDisruptionBudget whenever the app runs more than one replica.
 *
 * @param minAvailable true when {@code amount} is the minimum available, false when it is the maximum
 *                     unavailable
 * @param amount       a number or a percentage
 */
public record DisruptionBudget(boolean minAvailable, String amount) {

    /** At most one pod down at a time. */
    public static final DisruptionBudget DEFAULT = new DisruptionBudget(false, "1");

}
