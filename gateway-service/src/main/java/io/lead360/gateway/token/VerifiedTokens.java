package io.lead360.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Tokens whose signature, issuer and audience were checked, remembered until they expire: a token's
 * bytes cannot change, so what was checked once holds for its life, and a busy token costs one RSA
 * verification instead of one per call (issue 15 measured the gateway at a third of a service's speed).
 * Expiry is checked again on every call (a remembered token past its {@code exp} is refused like any
 * other); whether its session is still live is decided after this, on every call, by the session check.
 * The signing keys are read at startup, so no key can disappear while a token is remembered.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final OAuth2TokenValidator<Jwt> timestamps;

    VerifiedTokens(ReactiveJwtDecoder verifier, int maxRemembered, Clock clock) {
        this.verifier = verifier;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.timestamps = timestamps;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxRemembered)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = timestamps.validate(known);
        return result.hasErrors()
                ? Mono.error(new JwtValidationException("The token has expired", result.getErrors()))
                : Mono.just(known);
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt(); // never null: the verifier requires exp
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
