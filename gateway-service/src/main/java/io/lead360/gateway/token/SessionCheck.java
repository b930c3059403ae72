package io.lead360.gateway.token;

import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * The last step of checking a token, after its signature and claims: whether the session it names is
 * still live. The session feature answers it (session.LiveSessions); token/ only asks.
 */
public interface SessionCheck {

    /** The token when it may be used; an error (a BadJwtException for 401) when not. */
    Mono<Jwt> requireLive(Jwt jwt);
}
