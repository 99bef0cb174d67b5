package org.edgebatch.publish;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often one event is tried per run when the store is unreachable, and how long to wait between tries: exponential
 * backoff with full jitter (a random wait up to {@code firstDelay * 2^(try-1)}, at most {@code maxDelay}), so nodes
 * coming back together do not hit the store in step.
 */
public record PublishRetry(int attempts, Duration firstDelay, Duration maxDelay) {

    /** 4 tries over at most about 3.5 s: a run whose store is down ends soon and leaves its events in the outbox. */
    public static final PublishRetry DEFAULT = new PublishRetry(4, Duration.ofMillis(500), Duration.ofSeconds(8));

    public PublishRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be 0 <= firstDelay <= maxDelay, were " + firstDelay + " and " + maxDelay);
        }
    }

    /** The wait after failed try {@code attempt} (1-based). */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long ceiling = Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
