package io.lead360.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.lead360.service.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    private SigningKey key;
    private TokenIssuer issuer;

    @BeforeEach
    void setUp() {
        key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        issuer = new TokenIssuer(key, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15), Duration.ofSeconds(60));
    }

    @Test
    void accessTokenCarriesThePersonAsArchitectureIdentitySays() throws Exception {
        var token = issuer.accessToken(new VerifiedPerson(
                "p-1",
                "lea@acme.test",
                "Lea Park",
                List.of("EMPLOYEE", "LEADER"),
                "p-0",
                new VerifiedPerson.Session(
                        "s-1", "refresh-1", java.time.Instant.now().plusSeconds(3600))));

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.verify(new RSASSAVerifier(key.publicKey()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("lead360");
        assertThat(claims.getAudience()).containsExactly("lead360-api");
        assertThat(claims.getSubject()).isEqualTo("p-1");
        assertThat(claims.getStringClaim("email")).isEqualTo("lea@acme.test");
        assertThat(claims.getStringClaim("name")).isEqualTo("Lea Park");
        assertThat(claims.getStringListClaim("roles")).containsExactly("EMPLOYEE", "LEADER");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void serviceTokenIsTheGatewayWithOnlyTheServiceRoleForSixtySeconds() throws Exception {
        var claims = SignedJWT.parse(issuer.serviceToken()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("gateway-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(claims.getIssuer()).isEqualTo("lead360");
        assertThat(claims.getAudience()).containsExactly("lead360-api");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void theServiceTokenIsReusedForHalfItsLifetimeThenRenewed() {
        io.lead360.testsupport.MutableClock clock = new io.lead360.testsupport.MutableClock(NOW);
        TokenIssuer issuer = new TokenIssuer(key, clock, Duration.ofMinutes(15), Duration.ofSeconds(60));
        String first = issuer.serviceToken();

        clock.advance(Duration.ofSeconds(29));
        assertThat(issuer.serviceToken()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(issuer.serviceToken()).isNotEqualTo(first);
    }
}
