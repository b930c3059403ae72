package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.gateway.token.TokenIssuer;
import io.lead360.service.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway after a key rotation: a new current key, the old one listed as previous. */
class KeyRotationIT extends AbstractIT {

    private static final Path keys = tempDir();
    private static final SigningKey oldKey = SigningKey.loadOrCreate(keys.resolve("2025.pem"));
    /** The new current key is the gateway's signing key file (AbstractIT's), the old one is listed as previous. */
    private static final SigningKey newKey = SigningKey.loadOrCreate(SIGNING_KEY_FILE);

    @DynamicPropertySource
    static void previousKeys(DynamicPropertyRegistry registry) {
        registry.add(
                "lead360.auth.previous-signing-key-files",
                () -> keys.resolve("2025.pem").toString());
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillWorks() {
        String oldToken = issuerFor(oldKey)
                .accessToken(feedback.personWithSession(FeedbackStandIn.LEA_EMAIL, FeedbackStandIn.LEA_SESSION))
                .value();

        call(oldToken).expectStatus().isOk();
    }

    @Test
    void newTokensAreSignedWithTheNewKey() throws Exception {
        AccessTokenResponse answer = client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", FeedbackStandIn.LEA_EMAIL, "password", FeedbackStandIn.LEA_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(SignedJWT.parse(answer.accessToken()).getHeader().getKeyID()).isEqualTo(newKey.keyId());
        call(answer.accessToken()).expectStatus().isOk();
    }

    @Test
    void theKeySetPublishesBothKeysNewFirst() {
        client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys.length()")
                .isEqualTo(2)
                .jsonPath("$.keys[0].kid")
                .isEqualTo(newKey.keyId())
                .jsonPath("$.keys[1].kid")
                .isEqualTo(oldKey.keyId())
                .jsonPath("$.keys[1].d")
                .doesNotExist();
    }

    @Test
    void aKeyOutsideTheSetIsRefused() {
        SigningKey stranger = SigningKey.loadOrCreate(keys.resolve("stranger.pem"));
        String token = issuerFor(stranger)
                .accessToken(feedback.personWithSession(FeedbackStandIn.LEA_EMAIL, FeedbackStandIn.LEA_SESSION))
                .value();

        call(token).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec call(String token) {
        return client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private static TokenIssuer issuerFor(SigningKey key) {
        return new TokenIssuer(key, Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofSeconds(60));
    }
}
