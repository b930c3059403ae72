package io.lead360.gateway.token;

import io.lead360.gateway.GatewayProperties;
import io.lead360.service.SigningKey;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing keys and the token issuer, and the clock they and the rest of the gateway read. */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

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
}
