package io.lead360.gateway.signin;

import io.lead360.gateway.GatewayProperties;
import io.lead360.gateway.token.TokenIssuer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SignInConfig {

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
    SignInThrottle signInThrottle(GatewayProperties properties, Clock clock) {
        return new SignInThrottle(properties.auth().throttle(), clock);
    }

    @Bean
    ClientAddress clientAddress(GatewayProperties properties) {
        return new ClientAddress(properties.auth().trustedProxies());
    }
}
