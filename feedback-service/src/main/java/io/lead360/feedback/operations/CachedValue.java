package io.lead360.feedback.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value read at most once per period, however often it is asked for: a Prometheus scrape reads every
 * gauge, and each would otherwise query MongoDB. A failed read is kept for the period too (as the
 * fallback's answer), so that an unreachable store is not asked again on every scrape.
 */
final class CachedValue<T> {

    private final Supplier<T> source;
    private final Function<RuntimeException, T> fallback;
    private final Duration period;
    private final Clock clock;

    private T value;
    private Instant readAt;

    CachedValue(Supplier<T> source, Function<RuntimeException, T> fallback, Duration period, Clock clock) {
        this.source = source;
        this.fallback = fallback;
        this.period = period;
        this.clock = clock;
    }

    synchronized T get() {
        Instant now = clock.instant();
        // a clock moved backwards (a test's) also reads again
        if (readAt == null || !now.isBefore(readAt.plus(period)) || now.isBefore(readAt)) {
            try {
                value = source.get();
            } catch (RuntimeException e) {
                value = fallback.apply(e);
            }
            readAt = now;
        }
        return value;
    }
}
