package io.lead360.gateway.ratelimit;

import io.lead360.gateway.signin.ClientAddress;
import io.lead360.gateway.web.ProblemWriter;
import java.util.Set;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sign-in attempts per client address, right or wrong, on top of the failure throttle: the
 * gateway answers POST /api/auth/token itself, so no route filter covers it; the same
 * {@link RateLimiter} bean does the counting (in memory or in Redis). The other doors that take no
 * token count against the same budget: asking for a password mail, setting a password with a link,
 * unsubscribing with a link (so nobody can guess links or flood inboxes from one address).
 */
@Component
class SignInRateLimit implements WebFilter, Ordered {

    static final String SIGN_IN_PATH = "/api/auth/token";
    static final Set<String> LIMITED_PATHS =
            Set.of(SIGN_IN_PATH, "/api/auth/password-reset", "/api/auth/password", "/api/mail/unsubscribe");

    private final RateLimiter<?> rateLimiter;
    private final ClientAddress clientAddress;
    private final ProblemWriter problems;

    SignInRateLimit(RateLimiter<?> rateLimiter, ClientAddress clientAddress, ProblemWriter problems) {
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the body limit, before Spring Security (-100) and the controller
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())
                || !LIMITED_PATHS.contains(
                        exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return rateLimiter
                .isAllowed(RateLimitConfig.SIGN_IN, clientAddress.of(exchange))
                .flatMap(response -> {
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    response.getHeaders().forEach(headers::set);
                    if (!headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
                        headers.set(
                                HttpHeaders.RETRY_AFTER,
                                Long.toString(RateLimitProblems.redisRetryAfterSeconds(headers)));
                    }
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many attempts from this address; try again in "
                                    + headers.getFirst(HttpHeaders.RETRY_AFTER) + " s");
                    problem.setTitle("Too many requests");
                    return problems.write(exchange, problem);
                });
    }
}
