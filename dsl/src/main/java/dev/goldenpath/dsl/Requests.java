package dev.goldenpath.dsl;

/**
 * What a container is guaranteed, in Kubernetes quantity syntax: the scheduler places the pod where this much is
 * free. A type of its own, apart from {@link Limits}, so that {@code resources(limits(..), requests(..))} does not
 * compile.
 *
 * @param cpu    CPU cores, e.g. {@code 250m} or {@code 1}
 * @param memory bytes, e.g. {@code 64Mi} or {@code 1G}
 */
public record Requests(String cpu, String memory) {
}
