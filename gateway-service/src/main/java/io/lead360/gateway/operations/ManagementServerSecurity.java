package io.lead360.gateway.operations;

import io.lead360.gateway.web.ProblemWriter;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's management port: health with details, Prometheus, metrics, info and the gateway's
 * route list, for the operator, without a person's token. Spring Boot serves it from a child context
 * whose web handler picks up the application's web filters, Spring Security's included, and whose
 * dispatcher finds the application's own handler mappings too (sign-in, key set, web app). So this
 * chain comes first and answers every request that port serves: actuator endpoints open, anything else
 * 404. Spring Cloud Gateway itself routes nothing on the management port. The port is bound to loopback
 * unless the operator says otherwise ({@code LEAD360_MANAGEMENT_ADDRESS}), and every endpoint is read-only.
 */
@Configuration(proxyBeanMethods = false)
class ManagementServerSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementServerChain(ServerHttpSecurity http, ProblemWriter problems) {
        return http.securityMatcher(ManagementServerSecurity::servedByTheManagementServer)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .anyExchange()
                        .denyAll())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint((exchange, e) -> notHere(exchange, problems))
                                .accessDeniedHandler((exchange, e) -> notHere(exchange, problems)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .build();
    }

    private static Mono<Void> notHere(ServerWebExchange exchange, ProblemWriter problems) {
        return problems.write(exchange, HttpStatus.NOT_FOUND, "The management port serves actuator endpoints only");
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> servedByTheManagementServer(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(
                        exchange.getApplicationContext(), WebServerNamespace.MANAGEMENT.getValue())
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
