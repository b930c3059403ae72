package io.lead360.gateway.sso;

import io.lead360.gateway.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before Spring Security's OAuth2 login filters: a provider id that is not configured is a
 * 404 (Spring would answer 400, or 500 without any provider), and a provider whose discovery
 * document cannot be fetched sends the browser back to the web application with
 * {@code #sso-error=unavailable} instead of an error page.
 */
class SsoProviderGuard implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(SsoProviderGuard.class);

    private final ServerWebExchangeMatcher startLogin =
            new PathPatternParserServerWebExchangeMatcher("/oauth2/authorization/{registrationId}");
    private final ServerWebExchangeMatcher callback =
            new PathPatternParserServerWebExchangeMatcher("/login/oauth2/code/{registrationId}");
    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    private final SsoProviders providers;
    private final ProblemWriter problems;

    SsoProviderGuard(SsoProviders providers, ProblemWriter problems) {
        this.providers = providers;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return startLogin
                .matches(exchange)
                .filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                .switchIfEmpty(callback.matches(exchange).filter(ServerWebExchangeMatcher.MatchResult::isMatch))
                .map(match -> (String) match.getVariables().get("registrationId"))
                .flatMap(id -> providers
                        .findByRegistrationId(id)
                        .map(found -> Verdict.KNOWN)
                        .defaultIfEmpty(Verdict.UNKNOWN)
                        .onErrorResume(e -> {
                            log.warn("SSO provider '{}' cannot be reached: {}", id, e.toString());
                            return Mono.just(Verdict.UNREACHABLE);
                        }))
                .defaultIfEmpty(Verdict.NOT_SSO)
                .flatMap(verdict -> switch (verdict) {
                    case KNOWN, NOT_SSO -> chain.filter(exchange);
                    case UNKNOWN -> problems.write(exchange, HttpStatus.NOT_FOUND, "No such sign-in provider");
                    case UNREACHABLE ->
                        redirects.sendRedirect(exchange, SsoLanding.refused(SsoLanding.Reason.UNAVAILABLE));
                });
    }

    private enum Verdict {
        KNOWN,
        UNKNOWN,
        UNREACHABLE,
        NOT_SSO
    }
}
