package io.lead360.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

class RedisLimitTranslationTest {

    @Test
    void perMinuteLimitsBecomeExactWholeTokenRatesPerSecond() {
        RedisRateLimiter.Config thirty =
                RateLimitConfig.RedisRateLimitConfig.redisConfig(new GatewayProperties.Limit(30, 10));
        assertThat(thirty.getReplenishRate()).isEqualTo(1);
        assertThat(thirty.getRequestedTokens()).isEqualTo(2);
        assertThat(thirty.getBurstCapacity()).isEqualTo(20);

        RedisRateLimiter.Config ninety =
                RateLimitConfig.RedisRateLimitConfig.redisConfig(new GatewayProperties.Limit(90, 5));
        assertThat((double) ninety.getReplenishRate() / ninety.getRequestedTokens())
                .isEqualTo(1.5);
        assertThat(ninety.getBurstCapacity() / ninety.getRequestedTokens()).isEqualTo(5);
    }

    @Test
    void retryAfterIsTheTimeOneRequestsTokensTakeToRefill() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(RedisRateLimiter.REPLENISH_RATE_HEADER, "1");
        headers.set(RedisRateLimiter.REQUESTED_TOKENS_HEADER, "2");
        assertThat(RateLimitProblems.redisRetryAfterSeconds(headers)).isEqualTo(2);
        assertThat(RateLimitProblems.redisRetryAfterSeconds(new HttpHeaders())).isEqualTo(1);
    }
}
