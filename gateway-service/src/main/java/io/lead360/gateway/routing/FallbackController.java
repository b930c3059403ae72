package io.lead360.gateway.routing;

import io.lead360.service.problem.ProblemType;
import io.lead360.service.problem.Problems;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Where a route's circuit breaker forwards when its service is down, slow or the circuit is open. */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final Set<String> SERVICES = Set.of("feedback-service", "analytics-service");

    // any method: the forwarded request keeps the client's method (GET, POST, ...)
    @RequestMapping("/fallback/{service}")
    ProblemDetail unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String name = SERVICES.contains(service) ? service : "A lead360 service";
        log.warn("{} unavailable: {}", name, cause == null ? "circuit open" : cause.toString());
        ProblemDetail problem = Problems.of(ProblemType.SERVICE_UNAVAILABLE, name + " is unavailable");
        problem.setTitle("Service unavailable");
        return problem;
    }
}
