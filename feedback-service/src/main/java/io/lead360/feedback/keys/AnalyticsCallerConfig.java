package io.lead360.feedback.keys;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.service.ProblemSecurityHandlers;
import io.lead360.service.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may fetch subject keys: analytics-service alone, by a short-lived token it signs with its own
 * key and publishes the public half of ({@code LEAD360_ANALYTICS_JWKS_URI}). A chain of its own, so
 * that no person's token and not even the gateway's service token reaches the keys, and analytics'
 * token reaches nothing else.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsCallerConfig {

    static final String ISSUER = "lead360-analytics";
    static final String AUDIENCE = "lead360-feedback";
    static final String SUBJECT = "analytics-service";

    @Bean
    @Order(1)
    SecurityFilterChain subjectKeyChain(HttpSecurity http, FeedbackProperties properties, JsonMapper json)
            throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        properties.keys().analyticsJwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtAudienceValidator(AUDIENCE),
                jwt -> SUBJECT.equals(jwt.getSubject())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "not analytics-service", null))));
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher("/internal/subject-keys", "/internal/subject-keys/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/internal/subject-keys")
                        .hasRole("SERVICE")
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(ResourceServer.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
