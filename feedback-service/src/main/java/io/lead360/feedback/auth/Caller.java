package io.lead360.feedback.auth;

import org.springframework.security.core.Authentication;

/** Who is calling, from the verified token alone: {@code sub} is the person id. */
public record Caller(String personId, boolean admin) {

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
        return new Caller(authentication.getName(), admin);
    }
}
