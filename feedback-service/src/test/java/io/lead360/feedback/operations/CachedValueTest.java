package io.lead360.feedback.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedValueTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aValueIsReadOncePerPeriodHoweverOftenItIsAskedFor() {
        CachedValue<Integer> value = new CachedValue<>(reads::incrementAndGet, e -> -1, Duration.ofSeconds(10), clock);

        assertThat(value.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9));
        assertThat(value.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void aFailedReadAnswersTheFallbackForTheWholePeriodWithoutAskingAgain() {
        CachedValue<Integer> value = new CachedValue<>(
                () -> {
                    reads.incrementAndGet();
                    throw new IllegalStateException("store away");
                },
                e -> -1,
                Duration.ofSeconds(10),
                clock);

        assertThat(value.get()).isEqualTo(-1);
        assertThat(value.get()).isEqualTo(-1);
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofSeconds(10));
        value.get();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aClockMovedBackwardsReadsAgain() {
        CachedValue<Integer> value = new CachedValue<>(reads::incrementAndGet, e -> -1, Duration.ofSeconds(10), clock);
        value.get();
        clock.advance(Duration.ofSeconds(-60));

        assertThat(value.get()).isEqualTo(2);
    }
}
