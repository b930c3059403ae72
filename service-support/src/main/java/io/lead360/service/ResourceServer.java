package io.lead360.service;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/**
 * How a lead360 service checks the gateway's tokens itself: RS256 only (no algorithm switching,
 * no {@code none}), keys from the gateway's JWKS, issuer, audience and expiry validated; the
 * {@code roles} claim becomes {@code ROLE_*} authorities (for the gateway's WebFlux chain too).
 */
public final class ResourceServer {

    private ResourceServer() {}

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
