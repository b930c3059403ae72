package io.lead360.feedback.auth;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.service.ProblemSecurityHandlers;
import io.lead360.service.ResourceServer;
import io.lead360.service.operations.ManagementServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource server: every call carries a gateway-signed JWT. People reach /api/**, only the
 * gateway's SERVICE token reaches /internal/**.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper jsonMapper, Sessions sessions) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(jsonMapper);
        LiveSessionCheck.EntryPoint entryPoint = new LiveSessionCheck.EntryPoint(problems, jsonMapper);
        AuthorizationManager<RequestAuthorizationContext> person = AuthorizationManagers.allOf(
                AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Roles.SERVICE)));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // liveness and readiness on this port, status only (management.endpoint.health.group.*)
                        .requestMatchers(ManagementServer.probesOnTheApplicationPort())
                        .permitAll()
                        // HEAD, OPTIONS, TRACE, PATCH: no route serves them, and HEAD must not slip past a GET rule
                        .requestMatchers(ResourceServer.unservedMethods())
                        .denyAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // the OpenAPI document and Swagger UI are public documentation
                        .requestMatchers(HttpMethod.GET, "/api/docs/**")
                        .permitAll()
                        // the links in mails: the set-password or unsubscribe token is the proof
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/auth/password-reset",
                                "/api/auth/password",
                                "/api/mail/unsubscribe")
                        .permitAll()
                        .requestMatchers("/internal/**")
                        .hasRole(Roles.SERVICE)
                        .requestMatchers(HttpMethod.GET, "/api/people")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers("/api/people/import")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/people/imports/*")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/people/*/deactivate",
                                "/api/people/*/activate",
                                "/api/people/*/sign-out")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/people/*/roles")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/templates", "/api/templates/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/templates/**")
                        .hasRole(Roles.ADMIN)
                        // a subject nominates for themselves; CycleService checks who may see what
                        .requestMatchers(HttpMethod.POST, "/api/cycles/*/nominations")
                        .access(person)
                        .requestMatchers(HttpMethod.GET, "/api/cycles/*/nominations")
                        .access(person)
                        .requestMatchers("/api/cycles", "/api/cycles/**")
                        .hasRole(Roles.ADMIN)
                        // audit log, erasure and data-subject exports: administrators; one's own export: any person
                        .requestMatchers("/api/audit", "/api/audit/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/people/*")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/people/*/data")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/me/data")
                        .access(person)
                        .requestMatchers("/api/**")
                        .access(person)
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(
                                        new LiveSessionCheck(ResourceServer.authenticationConverter(), sessions)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(FeedbackProperties properties) {
        FeedbackProperties.Auth auth = properties.auth();
        return ResourceServer.jwtDecoder(auth.jwksUri(), auth.issuer(), auth.audience());
    }
}
