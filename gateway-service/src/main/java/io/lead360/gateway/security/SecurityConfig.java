package io.lead360.gateway.security;

import io.lead360.gateway.web.ProblemWriter;
import io.lead360.service.ResourceServer;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The gateway checks bearer tokens on /api/** itself (with its own public key) so that unsigned
 * traffic never reaches a service; the services still verify the forwarded token on their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    /** Roles a person can hold; SERVICE (the gateway's own token) deliberately is not one of them. */
    private static final String[] PERSON_ROLES = {"EMPLOYEE", "LEADER", "ADMIN"};

    /** The web application's files: public, since signing in happens inside it. */
    private static final String[] WEB_APP = {
        "/", "/index.html", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**"
    };

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemWriter problems) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
            exchange.getResponse()
                    .getHeaders()
                    .set(
                            HttpHeaders.WWW_AUTHENTICATE,
                            ex instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
        };
        ServerAccessDeniedHandler forbidden = (exchange, ex) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "This token does not allow this request");

        return StatelessChains.stateless(http)
                .authorizeExchange(exchanges -> exchanges
                        // HEAD, OPTIONS, TRACE, PATCH: no route serves them (the services refuse them too)
                        .matchers(exchange -> ResourceServer.SERVED_METHODS.contains(
                                        exchange.getRequest().getMethod())
                                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                                : ServerWebExchangeMatcher.MatchResult.match())
                        .denyAll()
                        // anyone may try to sign in or refresh; sign-out needs a (live) token like any /api call
                        .pathMatchers(HttpMethod.POST, "/api/auth/token", "/api/auth/refresh")
                        .permitAll()
                        // the links in mails: a set-password or unsubscribe token is the proof (feedback-service checks
                        // it)
                        .pathMatchers(
                                HttpMethod.POST,
                                "/api/auth/password-reset",
                                "/api/auth/password",
                                "/api/mail/unsubscribe")
                        .permitAll()
                        // the OpenAPI documents (the gateway's and the routed ones) and the Swagger UI: public
                        .pathMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, WEB_APP)
                        .permitAll()
                        .pathMatchers("/api/**")
                        .hasAnyRole(PERSON_ROLES)
                        .pathMatchers("/.well-known/jwks.json", "/fallback/**")
                        .permitAll()
                        // liveness and readiness on this port, status only; the rest of actuator is on the
                        // management port (operations.ManagementServerSecurity)
                        .matchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class))
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(ResourceServer.reactiveAuthenticationConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }
}
