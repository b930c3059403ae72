package io.lead360.gateway.ratelimit;

import io.lead360.gateway.web.ProblemWriter;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's RequestRateLimiter answers 429 with an empty body; this turns that
 * answer into the problem+json every lead360 error is, with a Retry-After header (the in-memory
 * limiter says how long; for Redis buckets it is the time one request's tokens take to refill).
 */
@Component
class RateLimitProblems implements GlobalFilter, Ordered {

    private final ProblemWriter problems;

    RateLimitProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // around every route filter, the rate limiter included
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerWebExchange[] decorated = new ServerWebExchange[1];
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    return write(decorated[0], getDelegate());
                }
                return super.setComplete();
            }
        };
        decorated[0] = exchange.mutate().response(response).build();
        return chain.filter(decorated[0]);
    }

    private Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        if (!headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(redisRetryAfterSeconds(headers)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + headers.getFirst(HttpHeaders.RETRY_AFTER) + " s");
        problem.setTitle("Too many requests");
        return problems.write(exchange.mutate().response(response).build(), problem);
    }

    /** Seconds until a Redis bucket holds one request's tokens again, from the headers RedisRateLimiter adds. */
    static long redisRetryAfterSeconds(HttpHeaders headers) {
        try {
            long requested = Long.parseLong(firstOr(headers.get(RedisRateLimiter.REQUESTED_TOKENS_HEADER), "1"));
            long rate = Long.parseLong(firstOr(headers.get(RedisRateLimiter.REPLENISH_RATE_HEADER), "1"));
            return Math.max(1, (requested + rate - 1) / Math.max(1, rate));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String firstOr(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
