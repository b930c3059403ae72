package io.lead360.gateway.auth;

/** Answer of POST /api/auth/token; {@code expiresIn} is in seconds. */
public record AccessTokenResponse(String accessToken, String tokenType, long expiresIn) {

    static AccessTokenResponse bearer(TokenIssuer.IssuedToken token) {
        return new AccessTokenResponse(token.value(), "Bearer", token.lifetime().toSeconds());
    }
}
