package io.lead360.gateway.token;

import com.nimbusds.jose.jwk.JWK;
import io.lead360.gateway.GatewayProperties;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/** How the gateway checks a bearer token: the decoder that security.SecurityConfig's resource server uses. */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfig {

    /**
     * Accepts RS256 tokens of any published key (the current one and those rotated out), with
     * issuer, audience, expiry and subject checked (the signature once per token: {@link VerifiedTokens}),
     * and then only while their session is live.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(
            SigningKeys signingKeys, SessionCheck sessions, GatewayProperties properties, Clock clock) {
        List<JWK> keys = signingKeys.publicJwks();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(token -> Flux.fromIterable(keys))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(TokenIssuer.ISSUER),
                new JwtAudienceValidator(TokenIssuer.AUDIENCE),
                // the default timestamp check passes a token without exp; lead360 tokens always expire
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull)));
        VerifiedTokens verified = new VerifiedTokens(decoder, properties.auth().verifiedTokenCacheSize(), clock);
        return token -> verified.decode(token).flatMap(sessions::requireLive);
    }
}
