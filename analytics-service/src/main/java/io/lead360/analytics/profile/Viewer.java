package io.lead360.analytics.profile;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who asks for a profile, from the verified token alone: the person id ({@code sub}) and whether they are an ADMIN. */
public record Viewer(String personId, boolean admin) {

    private static final String ADMIN = "ROLE_ADMIN";

    public static Viewer of(JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(ADMIN::equals);
        return new Viewer(token.getToken().getSubject(), admin);
    }
}
