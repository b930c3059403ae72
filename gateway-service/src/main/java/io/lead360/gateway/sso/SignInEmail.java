package io.lead360.gateway.sso;

import java.util.Locale;
import java.util.Map;

/**
 * Which email, if any, an OpenID Connect sign-in may use to find a lead360 person: the provider's
 * {@code email} claim, and only when the provider says it is verified (unless that check is turned off).
 */
final class SignInEmail {

    /** Longest address RFC 5321 allows; anything longer is not an email a person can have. */
    static final int MAX_LENGTH = 320;

    private SignInEmail() {}

    sealed interface Result {}

    record Accepted(String email) implements Result {}

    record Refused(SsoLanding.Reason reason) implements Result {}

    static Result from(Map<String, Object> claims, boolean requireVerified) {
        Object value = claims.get("email");
        String email = value instanceof String text ? text.strip() : "";
        if (email.isEmpty()
                || email.length() > MAX_LENGTH
                || email.indexOf('@') < 1
                || email.chars().anyMatch(Character::isWhitespace)) {
            return new Refused(SsoLanding.Reason.NO_EMAIL);
        }
        if (requireVerified && !isTrue(claims.get("email_verified"))) {
            return new Refused(SsoLanding.Reason.EMAIL_NOT_VERIFIED);
        }
        return new Accepted(email);
    }

    // some providers send the claim as the string "true" instead of a JSON boolean
    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim)
                || (claim instanceof String text
                        && text.strip().toLowerCase(Locale.ROOT).equals("true"));
    }
}
