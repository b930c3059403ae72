package io.lead360.gateway.token;

import java.time.Clock;
import java.time.Duration;

/**
 * Answer of POST /api/auth/token, /api/auth/refresh and /api/auth/sso/token; {@code expiresIn} and
 * {@code refreshExpiresIn} are in seconds. The refresh token is single use: each refresh answers a new one.
 */
public record AccessTokenResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {

    public static AccessTokenResponse bearer(
            TokenIssuer.IssuedToken token, VerifiedPerson.Session session, Clock clock) {
        long refreshSeconds = session == null || session.expiresAt() == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return new AccessTokenResponse(
                token.value(),
                "Bearer",
                token.lifetime().toSeconds(),
                session == null ? null : session.refreshToken(),
                refreshSeconds);
    }

    @Override
    public String toString() {
        return "AccessTokenResponse[expiresIn=" + expiresIn + "]"; // never the tokens
    }
}
