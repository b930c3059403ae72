package io.lead360.analytics.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lead360.service.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void saysItIsAnalyticsCallingFeedbackServiceForOneMinuteSignedWithAnalyticsKey() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        var token = new ServiceToken(key, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

        SignedJWT jwt = SignedJWT.parse(token.value());

        assertThat(jwt.verify(new RSASSAVerifier(key.publicKey()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("lead360-analytics");
        assertThat(claims.getAudience()).containsExactly("lead360-feedback");
        assertThat(claims.getSubject()).isEqualTo("analytics-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void oneTokenServesUntilHalfItsLifetimeHasPassed() throws Exception {
        var clock = new MovingClock(NOW);
        var token = new ServiceToken(SigningKey.loadOrCreate(dir.resolve("key.pem")), clock, Duration.ofSeconds(60));

        String first = token.value();
        clock.now = NOW.plusSeconds(29);
        assertThat(token.value()).isEqualTo(first);
        clock.now = NOW.plusSeconds(30);
        String second = token.value();

        assertThat(second).isNotEqualTo(first);
        assertThat(SignedJWT.parse(second).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(SignedJWT.parse(first).getJWTClaimsSet().getJWTID());
        assertThat(SignedJWT.parse(second).getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(NOW.plusSeconds(90));
    }

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
