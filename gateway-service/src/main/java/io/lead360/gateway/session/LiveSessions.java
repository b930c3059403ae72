package io.lead360.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lead360.gateway.signin.FeedbackCredentialsClient;
import io.lead360.gateway.signin.ServiceUnavailableException;
import io.lead360.gateway.token.SessionCheck;
import io.lead360.gateway.token.TokenIssuer;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Whether the sign-in session behind a person's access token is still live, asked of
 * feedback-service at most once per {@code liveFor} (default 1 s) for each session, so that
 * sign-out, deactivation and role changes take effect within that bound rather than when the token
 * expires, without a round trip on every call. When feedback-service cannot answer, a "live" answer
 * is used only while younger than the bound; after that the call is refused (503, fail closed). The session must also belong to the token's subject, so
 * that a token carrying somebody else's session id is refused. Sessions known to have ended are
 * remembered (an ended session never comes back); live ones only for the bound (see {@link RecentlyLive}).
 */
public class LiveSessions implements SessionCheck {

    private final FeedbackCredentialsClient feedback;
    private final Cache<String, Boolean> ended;
    private final RecentlyLive recentlyLive;

    /**
     * @param accessTokenTtl an ended session needs remembering only this long: every token naming
     *        it has expired by then
     */
    public LiveSessions(
            FeedbackCredentialsClient feedback,
            Duration accessTokenTtl,
            int maxRemembered,
            Duration liveFor,
            Ticker ticker) {
        this.feedback = feedback;
        this.recentlyLive = new RecentlyLive(liveFor, maxRemembered, ticker);
        this.ended = Caffeine.newBuilder()
                .expireAfterWrite(accessTokenTtl)
                .maximumSize(maxRemembered)
                .build();
    }

    /**
     * Completes when the token may be used: a service token, or a person token whose session is
     * live. Fails with a {@link BadJwtException} (401) for a token without a session or with an
     * ended one, and a {@link SessionCheckUnavailableException} (503) when feedback-service cannot say.
     */
    @Override
    public Mono<Jwt> requireLive(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && roles.contains(TokenIssuer.SERVICE_ROLE)) {
            return Mono.just(jwt);
        }
        String sessionId = jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM);
        if (sessionId == null || sessionId.isBlank()) {
            return Mono.error(new BadJwtException("The token names no session"));
        }
        String key = key(sessionId, jwt.getSubject());
        if (ended.getIfPresent(key) != null) {
            return Mono.error(new BadJwtException("The session has ended"));
        }
        return recentlyLive
                .isLive(key, k -> feedback.isSessionLive(sessionId, jwt.getSubject()))
                .onErrorMap(ServiceUnavailableException.class, SessionCheckUnavailableException::new)
                .flatMap(live -> {
                    if (live) {
                        return Mono.just(jwt);
                    }
                    ended.put(key, Boolean.TRUE);
                    return Mono.error(new BadJwtException("The session has ended"));
                });
    }

    /** Ends the session at feedback-service (signing out) and stops accepting its tokens here at once. */
    public Mono<Void> end(String sessionId, String personId) {
        return feedback.endSession(sessionId).doOnSuccess(done -> {
            ended.put(key(sessionId, personId), Boolean.TRUE);
            recentlyLive.forget(key(sessionId, personId));
        });
    }

    /** Ended for this person: a forged token naming the session with another subject must not end it for its owner. */
    private static String key(String sessionId, String personId) {
        return sessionId + '/' + personId;
    }
}
