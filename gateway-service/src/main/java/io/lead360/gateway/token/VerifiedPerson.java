package io.lead360.gateway.token;

import java.time.Instant;
import java.util.List;

/**
 * feedback-service's answer to a successful credential check, refresh or SSO redemption
 * ({@code /internal/auth/verify}, {@code /internal/auth/refresh}, {@code /internal/auth/sso/redeem}):
 * the person as they are now, and the sign-in session the tokens belong to.
 */
public record VerifiedPerson(
        String id, String email, String name, List<String> roles, String managerId, Session session) {

    /** A sign-in session: {@code id} goes into every access token as {@code sid}. */
    public record Session(String id, String refreshToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "Session[id=" + id + ", expiresAt=" + expiresAt + "]"; // never the refresh token
        }
    }
}
