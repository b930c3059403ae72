package io.lead360.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for the signature check: "good-*" tokens verify and expire 15 minutes after now. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Instant now = clock.instant();
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("person-" + token)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(15)))
                .build());
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromMemory() {
        Jwt first = tokens.decode("good-a").block();
        Jwt again = tokens.decode("good-a").block();

        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("person-good-a");
        assertThat(verifications).hasValue(1);

        tokens.decode("good-b").block();
        assertThat(verifications).as("each token is verified on its own").hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsRefused() {
        tokens.decode("good-a").block();
        clock.advance(Duration.ofMinutes(15).plusSeconds(61)); // past exp and the 60 s clock skew

        assertThatThrownBy(() -> tokens.decode("good-a").block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenThatFailsVerificationIsNotRememberedAndFailsEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
