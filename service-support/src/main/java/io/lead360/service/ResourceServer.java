package io.lead360.service;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How a lead360 service checks the gateway's tokens itself: RS256 only (no algorithm switching,
 * no {@code none}), keys from the gateway's JWKS, issuer, audience and expiry validated; the
 * {@code roles} claim becomes {@code ROLE_*} authorities (for the gateway's WebFlux chain too).
 */
public final class ResourceServer {

    /** The methods lead360's routes serve; every security rule is about one of these. */
    public static final Set<HttpMethod> SERVED_METHODS =
            Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);

    private ResourceServer() {}

    /**
     * Every other method (HEAD, OPTIONS, TRACE, PATCH, anything a client makes up): refused before any
     * rule is asked. Spring MVC answers HEAD with the GET handler, so a rule naming {@code GET} would
     * otherwise let HEAD fall through to a wider rule below it, and give the GET's headers (its length)
     * to someone the GET refuses.
     */
    public static RequestMatcher unservedMethods() {
        return request -> !SERVED_METHODS.contains(HttpMethod.valueOf(request.getMethod()));
    }

    public static JwtDecoder jwtDecoder(String jwksUri, String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), // expiry and issuer
                new JwtAudienceValidator(audience)));
        return decoder;
    }

    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** The same roles, for a WebFlux resource server (the gateway). */
    public static ReactiveJwtAuthenticationConverterAdapter reactiveAuthenticationConverter() {
        return new ReactiveJwtAuthenticationConverterAdapter(authenticationConverter());
    }
}
