package io.lead360.gateway.routing;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Identity comes from the token alone: every client-sent header of the identity families
 * (any X-Lead360-*, X-User-*, and X-Forwarded-User) is removed before routing, so a header
 * invented later cannot be smuggled through by a client either.
 */
@Component
class ClientIdentityHeaderFilter implements GlobalFilter, Ordered {

    private static final List<String> PREFIXES = List.of("x-lead360-", "x-user-");
    private static final String FORWARDED_USER = "x-forwarded-user";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean present =
                request.getHeaders().headerNames().stream().anyMatch(ClientIdentityHeaderFilter::isIdentityHeader);
        if (!present) {
            return chain.filter(exchange);
        }
        ServerHttpRequest stripped = request.mutate()
                .headers(headers -> headers.headerNames().stream()
                        .filter(ClientIdentityHeaderFilter::isIdentityHeader)
                        .toList()
                        .forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(stripped).build());
    }

    static boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(FORWARDED_USER) || PREFIXES.stream().anyMatch(lower::startsWith);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
