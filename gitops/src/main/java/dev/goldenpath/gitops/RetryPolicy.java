package dev.goldenpath.gitops;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a publisher retries when the branch moved under it. Delays grow
 * exponentially from {@code initialBackoff} to {@code maxBackoff} and are drawn at random below that
 * ceiling ("full jitter", so that competing publishers spread out instead of colliding again).
 *
 * <pre>{@code
 * publisher.retries(RetryPolicy.of(20, Duration.ofMillis(20), Duration.ofSeconds(1)));
 * }</pre>
 *
 * @param maxRetries     retries after the first attempt; 0 means a single attempt
 * @param initialBackoff ceiling of the first delay
 * @param maxBackoff     largest ceiling any delay can have
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff, was "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** 16 retries, backoff ceilings from 50 ms doubling up to 4 s (about a minute of patience at most). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(16, Duration.ofMillis(50), Duration.ofSeconds(4));
    }

    public static RetryPolicy of(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff);
    }

    /** A random delay before retry number {@code retry} (1-based): uniform in [0, min(max, initial * 2^(retry-1))]. */
    Duration delayBefore(int retry) {
        long initial = initialBackoff.toNanos();
        long ceiling = initial;
        for (int i = 1; i < retry && ceiling < maxBackoff.toNanos(); i++) {
            ceiling = Math.min(maxBackoff.toNanos(), ceiling * 2);
        }
        ceiling = Math.min(maxBackoff.toNanos(), Math.max(ceiling, 0));
        return Duration.ofNanos(ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
