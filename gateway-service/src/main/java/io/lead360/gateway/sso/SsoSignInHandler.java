package io.lead360.gateway.sso;

import io.lead360.gateway.sso.FeedbackSsoClient.NotRegisteredException;
import io.lead360.gateway.sso.SignInEmail.Accepted;
import io.lead360.gateway.sso.SignInEmail.Refused;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The end of the provider's login. The provider's own tokens are dropped here: lead360 only learns
 * the verified email, asks feedback-service for a single-use code for the person with that email and
 * sends the browser back to the web application with it. The login's WebSession (which held the
 * state and nonce) is invalidated, so nothing of the provider login stays on the gateway.
 */
class SsoSignInHandler implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoSignInHandler.class);

    private final FeedbackSsoClient feedback;
    private final SsoProperties properties;
    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    SsoSignInHandler(FeedbackSsoClient feedback, SsoProperties properties) {
        this.feedback = feedback;
        this.properties = properties;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        SignInEmail.Result email = SignInEmail.from(attributes(authentication), properties.requireVerifiedEmail());
        Mono<URI> landing = email instanceof Accepted accepted
                ? feedback.issueCode(accepted.email())
                        .map(SsoLanding::signedIn)
                        .onErrorResume(
                                NotRegisteredException.class,
                                e -> Mono.just(SsoLanding.refused(SsoLanding.Reason.NOT_REGISTERED)))
                        .onErrorResume(e -> {
                            log.warn(
                                    "SSO sign-in could not get a code: {}",
                                    e.getCause() == null
                                            ? e.toString()
                                            : e.getCause().toString());
                            return Mono.just(SsoLanding.refused(SsoLanding.Reason.UNAVAILABLE));
                        })
                : Mono.just(SsoLanding.refused(((Refused) email).reason()));
        return landing.flatMap(location -> endLogin(exchange).then(redirects.sendRedirect(exchange, location)));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        // the provider's error (cancelled login, bad state, an ID token that does not verify): the reason is
        // for the log, the browser only learns that it failed
        log.info("SSO sign-in failed: {}", exception.getMessage());
        ServerWebExchange exchange = webFilterExchange.getExchange();
        return endLogin(exchange).then(redirects.sendRedirect(exchange, SsoLanding.refused(SsoLanding.Reason.FAILED)));
    }

    private static Map<String, Object> attributes(Authentication authentication) {
        // for OpenID Connect these are the ID token's claims merged with the UserInfo answer
        return authentication.getPrincipal() instanceof OAuth2User user ? user.getAttributes() : Map.of();
    }

    private static Mono<Void> endLogin(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate);
    }
}
