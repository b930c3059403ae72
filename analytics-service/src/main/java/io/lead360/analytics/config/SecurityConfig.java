package io.lead360.analytics.config;

import io.lead360.service.MongoPingHealthIndicator;
import io.lead360.service.ProblemSecurityHandlers;
import io.lead360.service.ResourceServer;
import io.lead360.service.operations.ManagementServer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateless OAuth2 resource server: tokens minted by the gateway, checked here again
 * (see {@link ResourceServer}); every /api/** call needs one. Only the probes, analytics' public
 * signing key and the OpenAPI document are open; metrics and the rest of actuator are on the management port.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    JwtDecoder jwtDecoder(AnalyticsProperties properties) {
        var auth = properties.auth();
        return ResourceServer.jwtDecoder(auth.jwksUri(), auth.issuer(), auth.audience());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // liveness and readiness on this port, status only (management.endpoint.health.group.*)
                        .requestMatchers(ManagementServer.probesOnTheApplicationPort())
                        .permitAll()
                        // HEAD, OPTIONS, TRACE, PATCH: no route serves them, and HEAD must not slip past a GET rule
                        .requestMatchers(ResourceServer.unservedMethods())
                        .denyAll()
                        // the public half of analytics' signing key, for feedback-service
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
                        .permitAll()
                        // the OpenAPI document is public documentation
                        .requestMatchers(HttpMethod.GET, "/api/docs/**")
                        .permitAll()
                        .requestMatchers("/api/organisation/**", "/api/admin/**", "/api/audit/**")
                        .hasRole("ADMIN")
                        // people only: the gateway's SERVICE token has no business here
                        .requestMatchers("/api/**")
                        .hasAnyRole("EMPLOYEE", "LEADER", "ADMIN")
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(ResourceServer.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Replaces Boot's MongoDB health check (by bean name), which the embedded server cannot answer. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
