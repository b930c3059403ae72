package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.token.TokenIssuer;
import io.lead360.service.SigningKey;
import io.lead360.testsupport.ForgedTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** How the gateway checks a bearer token on /api/**: signature, algorithm, expiry, key, audience and issuer, and the published key set. */
class TokenCheckIT extends AbstractIT {

    @Test
    void apiCallWithoutATokenIsA401Problem() {
        client.get()
                .uri("/api/people")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = personToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"EMPLOYEE\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + base64Url(payload) + "." + parts[2];

        expectRejected(tampered);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        String payload =
                new String(Base64.getUrlDecoder().decode(personToken().split("\\.")[1]), StandardCharsets.UTF_8);
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload) + ".";

        expectRejected(unsigned);
    }

    @Test
    void anExpiredTokenIsRejected() {
        TokenIssuer past = new TokenIssuer(
                signingKey,
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC),
                Duration.ofMinutes(15),
                Duration.ofSeconds(60));

        expectRejected(past.accessToken(lea()).value());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        SigningKey otherKey = SigningKey.loadOrCreate(tempDir().resolve("other.pem"));
        TokenIssuer impostor =
                new TokenIssuer(otherKey, Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofSeconds(60));

        expectRejected(impostor.accessToken(lea()).value());
    }

    @Test
    void theServiceTokenDoesNotOpenThePublicApi() {
        client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenIssuer.serviceToken())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        assertThat(callWith(ForgedTokens.sign(signingKey.privateJwk(), Map.of()))
                        .expectStatus()
                        .isOk())
                .isNotNull();
        expectRejected(ForgedTokens.sign(signingKey.privateJwk(), Map.of("aud", List.of("another-api"))));
        expectRejected(ForgedTokens.sign(signingKey.privateJwk(), Map.of("iss", "someone-else")));
    }

    @Test
    void keySetAndProbesAreOpenAndTheKeySetHoldsNoPrivateParts() {
        client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kid")
                .isEqualTo(signingKey.keyId())
                .jsonPath("$.keys[0].kty")
                .isEqualTo("RSA")
                .jsonPath("$.keys[0].d")
                .doesNotExist()
                .jsonPath("$.keys[0].p")
                .doesNotExist();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
    }
}
