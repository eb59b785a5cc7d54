package dev.goldenpath.dsl;

/**
 * A CPU and memory amount in Kubernetes quantity syntax ({@code 250m}, {@code 64Mi}).
 *
 * @param cpu    CPU cores, e.g. {@code 250m} or {@code 1}
 * @param memory bytes, e.g. {@code 128Mi} or {@code 1G}
 */
public record ResourceAmounts(String cpu, String memory) {
}
