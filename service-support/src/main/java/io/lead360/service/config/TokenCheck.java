package io.lead360.service.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the gateway's access tokens ({@code lead360.auth}, see
 * {@link io.lead360.service.ResourceServer}); the defaults live here only. A blank value (an environment
 * variable set to nothing, as application.yml's {@code ${LEAD360_JWKS_URI:}} gives when it is unset) means
 * the default.
 *
 * @param jwksUri  where the gateway publishes its signing keys ({@code LEAD360_JWKS_URI})
 * @param issuer   required {@code iss}
 * @param audience required in {@code aud}
 */
public record TokenCheck(
        @DefaultValue(DEFAULT_JWKS_URI) String jwksUri,
        @DefaultValue(DEFAULT_ISSUER) String issuer,
        @DefaultValue(DEFAULT_AUDIENCE) String audience) {

    public static final String DEFAULT_JWKS_URI = "http://127.0.0.1:8080/.well-known/jwks.json";
    public static final String DEFAULT_ISSUER = "lead360";
    public static final String DEFAULT_AUDIENCE = "lead360-api";

    public TokenCheck {
        jwksUri = orDefault(jwksUri, DEFAULT_JWKS_URI);
        issuer = orDefault(issuer, DEFAULT_ISSUER);
        audience = orDefault(audience, DEFAULT_AUDIENCE);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
