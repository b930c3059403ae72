package io.lead360.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.GatewayProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

class InMemoryRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimiter limiter =
            new InMemoryRateLimiter(Map.of("submissions", new GatewayProperties.Limit(30, 10)), 1000, nanos::get);

    @Test
    void aBurstIsAllowedThenOneRequestEveryTwoSecondsAtThirtyAMinute() {
        for (int i = 0; i < 10; i++) {
            assertThat(allowed("p-1")).as("request %d of the burst", i + 1).isTrue();
        }
        RateLimiter.Response refused = limiter.isAllowed("submissions", "p-1").block();
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "2");

        advance(Duration.ofMillis(1999));
        assertThat(allowed("p-1")).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(allowed("p-1")).isTrue();
        assertThat(allowed("p-1")).isFalse();
    }

    @Test
    void everyKeyHasItsOwnBucket() {
        for (int i = 0; i < 10; i++) {
            allowed("p-1");
        }
        assertThat(allowed("p-1")).isFalse();
        assertThat(allowed("p-2")).isTrue();
    }

    @Test
    void anIdleBucketFillsUpToTheBurstAndNoFurther() {
        for (int i = 0; i < 10; i++) {
            allowed("p-1");
        }
        advance(Duration.ofHours(1));
        int allowedInARow = 0;
        while (allowed("p-1")) {
            allowedInARow++;
        }
        assertThat(allowedInARow).isEqualTo(10);
    }

    @Test
    void anAllowedAnswerCarriesNoRetryAfter() {
        assertThat(limiter.isAllowed("submissions", "p-1").block().getHeaders()).doesNotContainKey("Retry-After");
    }

    private boolean allowed(String key) {
        return limiter.isAllowed("submissions", key).block().isAllowed();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
