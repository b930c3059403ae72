package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sign-in throttling and rate limits through the real gateway. The gateway trusts the loopback
 * peer as a proxy here, so each test plays its own client address through X-Forwarded-For.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lead360.auth.trusted-proxies=127.0.0.1,::1",
            "lead360.auth.throttle.first-delay=PT0.3S",
            "lead360.auth.throttle.max-delay=PT0.6S",
            "lead360.rate-limit.submissions.per-minute=1",
            "lead360.rate-limit.submissions.burst=3",
            "lead360.rate-limit.sign-in.per-minute=1",
            "lead360.rate-limit.sign-in.burst=25"
        })
class AbuseLimitsIT extends AbstractIT {

    @Test
    void fiveFailuresLockTheEmailAndTheLockAnswers429BeforeThePasswordIsChecked() {
        for (int i = 0; i < 5; i++) {
            signIn("198.51.100.1", "lea@acme.test", "guess-" + i).expectStatus().isUnauthorized();
        }
        int verifies = feedback.verifyCalls.get();

        byte[] locked = signIn("198.51.100.2", "lea@acme.test", "lea-secret")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(890L, 900L))
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(feedback.verifyCalls.get())
                .as("the password was not even checked")
                .isEqualTo(verifies);
        // an email nobody has locks the same way and answers the same body
        for (int i = 0; i < 5; i++) {
            signIn("198.51.100.3", "ghost@acme.test", "guess-" + i)
                    .expectStatus()
                    .isUnauthorized();
        }
        byte[] lockedUnknown = signIn("198.51.100.3", "ghost@acme.test", "anything")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(JSON.readTree(lockedUnknown)).isEqualTo(JSON.readTree(locked));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetByteForByteTheSameAnswer() {
        byte[] wrongPassword = signIn("198.51.100.10", "mo@acme.test", "guess")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult()
                .getResponseBody();
        byte[] unknownEmail = signIn("198.51.100.10", "nobody@acme.test", "guess")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(new String(unknownEmail)).isEqualTo(new String(wrongPassword));
    }

    @Test
    void failuresAfterTheThirdAreHeldBack() {
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            signIn("198.51.100.20", "slow@acme.test", "guess").expectStatus().isUnauthorized();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
        }
        long started = System.nanoTime();

        signIn("198.51.100.20", "slow@acme.test", "guess").expectStatus().isUnauthorized();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryEmail() {
        for (int i = 0; i < 20; i++) {
            signIn("198.51.100.30", "spray" + i + "@acme.test", "guess")
                    .expectStatus()
                    .isUnauthorized();
        }

        signIn("198.51.100.30", "mo@acme.test", "mo-secret")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        signIn("198.51.100.31", "mo@acme.test", "mo-secret").expectStatus().isOk();
    }

    @Test
    void signInAttemptsPerAddressAreRateLimitedEvenWhenRight() {
        for (int i = 0; i < 25; i++) {
            signIn("198.51.100.40", "mo@acme.test", "mo-secret").expectStatus().isOk();
        }

        signIn("198.51.100.40", "mo@acme.test", "mo-secret")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
        signIn("198.51.100.41", "mo@acme.test", "mo-secret").expectStatus().isOk();
    }

    @Test
    void submissionsArePerPersonRateLimitedWithA429Problem() {
        String lea = tokenIssuer
                .accessToken(feedback.personWithSession("lea@acme.test", FeedbackStandIn.LEA_SESSION))
                .value();
        String mo = tokenIssuer
                .accessToken(feedback.personWithSession("mo@acme.test", feedback.openSession("mo@acme.test")))
                .value();

        submit(lea, "POST", "/api/feedback-requests/r-1/response")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo("/api/feedback-requests/r-1/response");
        submit(lea, "PUT", "/api/feedback-requests/r-2/draft").expectStatus().isOk();
        submit(lea, "POST", "/api/feedback-requests/r-3/decline").expectStatus().isOk();

        submit(lea, "PUT", "/api/feedback-requests/r-4/draft")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.title")
                .isEqualTo("Too many requests");
        submit(lea, "POST", "/api/feedback-requests/r-4/response")
                .expectStatus()
                .isEqualTo(429);

        // another person has their own bucket, and reading is not limited
        submit(mo, "POST", "/api/feedback-requests/r-5/response").expectStatus().isOk();
        client.get()
                .uri("/api/feedback-requests/r-4")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lea)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec submit(String token, String method, String path) {
        return client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ratings", Map.of()))
                .exchange();
    }

    private WebTestClient.ResponseSpec signIn(String address, String email, String password) {
        return client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }
}
