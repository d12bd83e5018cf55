package io.plinth.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a unit of work is tried when it fails with a {@link RetryableException}, and how long
 * to wait between tries (exponential back-off with full jitter, capped at {@code maxBackoff}).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** Five attempts, waiting from 5 ms up to 500 ms. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(500));
    /** One attempt: a retryable failure goes straight to the caller. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Check.range("maxAttempts", maxAttempts, 1, 1000);
        Check.required("initialBackoff", initialBackoff);
        Check.required("maxBackoff", maxBackoff);
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidInputException("maxBackoff", "must be at least initialBackoff, which must not be negative");
        }
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed ones (from 1). */
    public Duration backoff(int attempt) {
        long cap = initialBackoff.toNanos() << Math.min(attempt - 1, 20);
        long bound = Math.min(Math.max(cap, 0), maxBackoff.toNanos());
        return bound <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
