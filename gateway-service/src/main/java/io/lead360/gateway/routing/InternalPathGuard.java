package io.lead360.gateway.routing;

import io.lead360.gateway.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * /internal/** is for service-to-service calls only. No route matches it, and this answers 404
 * before security and routing, so a route added later with a broad pattern cannot expose it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InternalPathGuard implements WebFilter {

    private final ProblemWriter problems;

    InternalPathGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/internal") || path.startsWith("/internal/") || path.startsWith("/internal;")) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "No such resource");
        }
        return chain.filter(exchange);
    }
}
