package io.lead360.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code capacity} tokens, gains {@code perMinute} a minute, and each
 * request takes one. Time comes from the caller (nanoseconds of a monotonic clock) so that tests
 * control it.
 */
final class TokenBucket {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int capacity;
    private final int perMinute;
    /** fractional: tokens trickle in between requests */
    private double tokens;

    private long lastRefillNanos;

    TokenBucket(int capacity, int perMinute, long nowNanos) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs a burst and a rate of at least 1");
        }
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token if there is one; answers zero when taken, else how long until one is there. */
    synchronized Duration take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double missing = 1 - tokens;
        return Duration.ofNanos((long) Math.ceil(missing * NANOS_PER_MINUTE / perMinute));
    }

    synchronized int remaining(long nowNanos) {
        refill(nowNanos);
        return (int) Math.floor(tokens);
    }

    /** How long an untouched bucket takes to be full again: after that it may be forgotten. */
    Duration timeToFill() {
        return Duration.ofNanos(NANOS_PER_MINUTE / perMinute * capacity);
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefillNanos);
        tokens = Math.min(capacity, tokens + (double) elapsed * perMinute / NANOS_PER_MINUTE);
        lastRefillNanos = nowNanos;
    }
}
