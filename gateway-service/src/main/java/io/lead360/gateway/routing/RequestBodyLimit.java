package io.lead360.gateway.routing;

import io.lead360.gateway.GatewayProperties;
import io.lead360.gateway.web.ProblemWriter;
import io.lead360.service.config.HttpLimits;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the limit with 413 problem+json, for routed calls and the gateway's
 * own (sign-in) alike, before authentication so that no caller can make the gateway read or forward
 * megabytes. Spring Cloud Gateway's RequestSize filter was not used: it only looks at Content-Length,
 * answers without a problem body and does not cover the gateway's own endpoints. A body without
 * Content-Length (chunked) is read up to the limit and refused past it.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    static final String IMPORT_PATH = HttpLimits.IMPORT_PATH;

    private final long maxBytes;
    private final long maxImportBytes;
    private final ProblemWriter problems;

    RequestBodyLimit(GatewayProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.http().maxBodySize().toBytes();
        this.maxImportBytes = properties.http().maxImportBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // before Spring Security's WebFilterChainProxy (-100)
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = IMPORT_PATH.equals(request.getPath().value()) ? maxImportBytes : maxBytes;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return refuse(exchange, limit);
        }
        if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
                    .defaultIfEmpty(exchange.getResponse().bufferFactory().allocateBuffer(0))
                    .flatMap(body -> chain.filter(
                            exchange.mutate().request(withBody(request, body)).build()))
                    .onErrorResume(DataBufferLimitException.class, e -> refuse(exchange, limit));
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long limit) {
        return problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes");
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }
}
