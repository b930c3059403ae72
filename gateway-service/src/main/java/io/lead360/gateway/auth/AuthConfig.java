package io.lead360.gateway.auth;

import io.lead360.gateway.GatewayProperties;
import io.lead360.service.SigningKey;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(GatewayProperties properties) {
        GatewayProperties.Auth auth = properties.auth();
        return SigningKeys.load(auth.signingKeyFile(), auth.previousSigningKeyFiles(), properties.production());
    }

    /** The current key: the one that signs. */
    @Bean
    SigningKey signingKey(SigningKeys signingKeys) {
        return signingKeys.current();
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKey signingKey, Clock clock, GatewayProperties properties) {
        GatewayProperties.Auth auth = properties.auth();
        return new TokenIssuer(signingKey, clock, auth.accessTokenTtl(), auth.serviceTokenTtl());
    }

    @Bean
    FeedbackCredentialsClient feedbackCredentialsClient(
            TokenIssuer tokenIssuer, GatewayProperties properties, ObservationRegistry observations) {
        GatewayProperties.Auth auth = properties.auth();
        return new FeedbackCredentialsClient(
                properties.routes().feedbackUri(),
                tokenIssuer,
                auth.verifyConnectTimeout(),
                auth.verifyResponseTimeout(),
                observations);
    }

    @Bean
    LiveSessions liveSessions(FeedbackCredentialsClient feedback, GatewayProperties properties) {
        return new LiveSessions(
                feedback, properties.auth().accessTokenTtl(), properties.auth().endedSessionCacheSize());
    }

    @Bean
    SignInThrottle signInThrottle(GatewayProperties properties, Clock clock) {
        return new SignInThrottle(properties.auth().throttle(), clock);
    }

    @Bean
    ClientAddress clientAddress(GatewayProperties properties) {
        return new ClientAddress(properties.auth().trustedProxies());
    }
}
