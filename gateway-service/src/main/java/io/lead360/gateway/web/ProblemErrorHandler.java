package io.lead360.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors that never reach a controller (no route matched, proxying failed, a filter threw)
 * also answer problem+json; runs before Boot's default handler, which renders plain JSON.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter problems;

    ProblemErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ProblemDetail problem;
        if (ex instanceof ErrorResponse errorResponse) {
            ProblemDetail body = errorResponse.getBody();
            problem = ProblemDetail.forStatus(errorResponse.getStatusCode());
            problem.setTitle(body.getTitle());
            // 5xx reasons can carry internals (host names, stack details); clients get the status only
            if (!errorResponse.getStatusCode().is5xxServerError()) {
                problem.setDetail(body.getDetail());
            } else {
                log.warn(
                        "{} {} failed: {}",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(),
                        ex.toString());
            }
        } else {
            log.error(
                    "{} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    ex);
            problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return problems.write(exchange, problem);
    }
}
