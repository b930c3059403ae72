package io.lead360.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lead360.gateway.GatewayProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The default rate limiter: a token bucket per (limit, key) in this instance's memory, bounded in
 * how many keys it tracks (idle buckets are full again and are simply forgotten). With several
 * gateway instances each keeps its own count; set LEAD360_REDIS_URL to share them.
 */
public final class InMemoryRateLimiter implements RateLimiter<GatewayProperties.Limit> {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final Map<String, GatewayProperties.Limit> limits = new HashMap<>();
    private final Cache<String, TokenBucket> buckets;
    private final LongSupplier nanoTime;

    /**
     * @param limits by limit name: a route id, or {@link RateLimitConfig#SIGN_IN} for sign-in attempts
     */
    public InMemoryRateLimiter(Map<String, GatewayProperties.Limit> limits, int maxTracked, LongSupplier nanoTime) {
        this.limits.putAll(limits);
        this.nanoTime = nanoTime;
        Duration longestRefill = limits.values().stream()
                .map(limit -> new TokenBucket(limit.burst(), limit.perMinute(), 0).timeToFill())
                .max(Duration::compareTo)
                .orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterAccess(longestRefill)
                .ticker(nanoTime::getAsLong)
                .build();
    }

    @Override
    public Mono<Response> isAllowed(String limitName, String key) {
        GatewayProperties.Limit limit = limits.get(limitName);
        if (limit == null) {
            // a configuration mistake, not the caller's: let the request through rather than block everyone
            return Mono.just(new Response(true, Map.of()));
        }
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.get(
                limitName + '\u0000' + key, ignored -> new TokenBucket(limit.burst(), limit.perMinute(), now));
        Duration wait = bucket.take(now);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REMAINING_HEADER, Integer.toString(bucket.remaining(now)));
        if (!wait.isZero()) {
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        }
        return Mono.just(new Response(wait.isZero(), headers));
    }

    @Override
    public Map<String, GatewayProperties.Limit> getConfig() {
        return limits;
    }

    @Override
    public Class<GatewayProperties.Limit> getConfigClass() {
        return GatewayProperties.Limit.class;
    }

    @Override
    public GatewayProperties.Limit newConfig() {
        return new GatewayProperties.Limit(30, 10);
    }
}
