package dev.goldenpath.dsl;

/**
 * The most a container may use, in Kubernetes quantity syntax: above the CPU limit it is throttled, above the memory
 * limit it is killed. A type of its own, apart from {@link Requests}, so that the two cannot be swapped.
 *
 * @param cpu    CPU cores, e.g. {@code 500m} or {@code 2}
 * @param memory bytes, e.g. {@code 128Mi} or {@code 1G}
 */
public record Limits(String cpu, String memory) {
}
