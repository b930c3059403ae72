package io.lead360.gateway.auth;

import java.time.Clock;

import io.lead360.gateway.GatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKey signingKey(GatewayProperties properties) {
        return SigningKey.loadOrCreate(properties.auth().signingKeyFile());
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKey signingKey, Clock clock, GatewayProperties properties) {
        GatewayProperties.Auth auth = properties.auth();
        return new TokenIssuer(signingKey, clock, auth.accessTokenTtl(), auth.serviceTokenTtl());
    }

    @Bean
    FeedbackCredentialsClient feedbackCredentialsClient(TokenIssuer tokenIssuer, GatewayProperties properties) {
        GatewayProperties.Auth auth = properties.auth();
        return new FeedbackCredentialsClient(properties.routes().feedbackUri(), tokenIssuer,
                auth.verifyConnectTimeout(), auth.verifyResponseTimeout());
    }
}
