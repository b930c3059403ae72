package io.lead360.gateway.sso;

import io.lead360.gateway.GatewayProperties;
import io.lead360.gateway.security.StatelessChains;
import io.lead360.gateway.token.TokenIssuer;
import io.lead360.gateway.web.ProblemWriter;
import io.lead360.service.ProductionModeException;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Single sign-on with OpenID Connect providers, switched on by configuration alone: every
 * {@code spring.security.oauth2.client.registration.<id>} with the authorization-code grant becomes a
 * "Sign in with ..." button. Its own filter chain, ahead of the main one, so the bearer-token chain
 * never sees these paths and stays stateless; only this chain uses a WebSession, and only for the
 * few seconds between the redirect to the provider and its callback (state and nonce).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SsoProperties.class, OAuth2ClientProperties.class})
class SsoConfig {

    /** Replaces Boot's repository, which would contact every provider while the gateway starts. */
    @Bean
    SsoProviders ssoProviders(OAuth2ClientProperties properties, GatewayProperties gateway) {
        List<String> problems = SsoProviders.productionProblems(properties);
        if (gateway.production() && !problems.isEmpty()) {
            throw new ProductionModeException(problems);
        }
        return new SsoProviders(properties);
    }

    @Bean
    FeedbackSsoClient feedbackSsoClient(
            TokenIssuer tokenIssuer, GatewayProperties properties, ObservationRegistry observations) {
        GatewayProperties.Auth auth = properties.auth();
        return new FeedbackSsoClient(
                properties.routes().feedbackUri(),
                tokenIssuer,
                auth.verifyConnectTimeout(),
                auth.verifyResponseTimeout(),
                observations);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the management port's chain, which answers everything on that port
    SecurityWebFilterChain ssoSecurityWebFilterChain(
            ServerHttpSecurity http,
            SsoProviders providers,
            FeedbackSsoClient feedback,
            SsoProperties properties,
            ProblemWriter problems) {
        SsoSignInHandler signIn = new SsoSignInHandler(feedback, properties);
        // the provider's callback is protected by state (and nonce), the code exchange by the code itself;
        // no cookie authenticates anything here, so the chain is as stateless as the main one
        return StatelessChains.stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(
                        "/oauth2/**", "/login/oauth2/**", "/api/auth/providers", "/api/auth/sso/token"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2Login(login -> login.clientRegistrationRepository(providers)
                        // the provider's tokens live in the login's WebSession only, which ends with the login
                        .authorizedClientRepository(new WebSessionServerOAuth2AuthorizedClientRepository())
                        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                        .authenticationSuccessHandler(signIn)
                        .authenticationFailureHandler(signIn))
                .addFilterBefore(new SsoProviderGuard(providers, problems), SecurityWebFiltersOrder.HTTP_BASIC)
                .build();
    }
}
