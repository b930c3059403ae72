package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.testsupport.ForgedTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

/** Sessions behind the tokens: refresh and its single-use tokens, sign-out, and the live-session check on every call. */
class SessionsIT extends AbstractIT {

    @Autowired
    io.lead360.gateway.signin.FeedbackCredentialsClient credentialsClient;

    @Test
    void signInAnswersARefreshTokenAndRefreshingRotatesIt() {
        AccessTokenResponse first = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        assertThat(first.refreshToken()).isNotBlank();
        assertThat(first.refreshExpiresIn()).isPositive();

        AccessTokenResponse second = refresh(first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        Jwt jwt = jwksDecoder().decode(second.accessToken());
        assertThat(jwt.getSubject()).isEqualTo("p-lea");
        assertThat(jwt.getClaimAsString("sid"))
                .isEqualTo(jwksDecoder().decode(first.accessToken()).getClaimAsString("sid"));
        callWith(second.accessToken()).expectStatus().isOk();
    }

    @Test
    void aReusedRefreshTokenIsRefusedAndEndsTheWholeSession() {
        AccessTokenResponse first = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        AccessTokenResponse second = refresh(first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        refresh(first.refreshToken())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);

        refresh(second.refreshToken()).expectStatus().isUnauthorized();
        callWith(second.accessToken()).expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownOrMissingRefreshTokenIsRefused() {
        refresh("no-such-token").expectStatus().isUnauthorized().expectHeader().contentType(PROBLEM_JSON);
        client.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("refreshToken");
    }

    @Test
    void signOutEndsTheSessionSoItsAccessAndRefreshTokensStopWorkingAtOnce() {
        AccessTokenResponse tokens = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        String sid = jwksDecoder().decode(tokens.accessToken()).getClaimAsString("sid");
        callWith(tokens.accessToken()).expectStatus().isOk();

        // an explicit empty body (Content-Length: 0), as browsers send it: with no body at all, the body-less
        // POST below once timed out in a full module run (not reproduced alone; body-less POSTs through
        // Reactor Netty's client are known to stall now and then)
        client.post()
                .uri("/api/auth/sign-out")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .bodyValue("")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(feedback.isLive(sid)).isFalse();
        callWith(tokens.accessToken())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
        client.post()
                .uri("/api/auth/sign-out")
                .bodyValue("")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aSessionEndedAtFeedbackServiceIsRefusedWithinTwoSecondsAndRememberedAsEnded() {
        String sid = feedback.openSession("lea@acme.test");
        String token = tokenIssuer
                .accessToken(feedback.personWithSession("lea@acme.test", sid))
                .value();
        callWith(token).expectStatus().isOk();

        feedback.endSession(sid); // e.g. an administrator deactivated the person
        long ended = System.nanoTime();

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        callWith(token).returnResult(Void.class).getStatus().value() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - ended))
                .as("access ends within the issue's bound of 2 s")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        callWith(token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        int checks = feedback.sessionChecks.get();
        callWith(token).expectStatus().isUnauthorized();
        assertThat(feedback.sessionChecks.get())
                .as("an ended session is not asked about again")
                .isEqualTo(checks);
    }

    @Test
    void aLiveSessionIsAskedAboutAtMostOncePerSecondNotOnEveryCall() {
        String sid = feedback.openSession("lea@acme.test");
        String token = tokenIssuer
                .accessToken(feedback.personWithSession("lea@acme.test", sid))
                .value();
        int before = feedback.sessionChecks.get();
        long started = System.nanoTime();

        for (int i = 0; i < 20; i++) {
            callWith(token).expectStatus().isOk();
        }

        long windows = 1 + Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(feedback.sessionChecks.get() - before)
                .as("one liveness check per 1 s window, not one per call")
                .isBetween(1, (int) windows + 1);
    }

    @Test
    void aTokenWithoutASessionIsRefused() {
        expectRejected(ForgedTokens.sign(signingKey.privateJwk(), java.util.Collections.singletonMap("sid", null)));
        expectRejected(ForgedTokens.sign(signingKey.privateJwk(), Map.of("sid", "")));
    }

    @Test
    void aTokenNamingAnotherPersonsLiveSessionIsRefused() {
        // Lea's session is live, but the token claims to be somebody else: only Lea's own tokens may carry it
        expectRejected(ForgedTokens.sign(signingKey.privateJwk(), Map.of("sub", "p-mo")));
        // and the forged token did not end the session for its owner
        callWith(ForgedTokens.sign(signingKey.privateJwk(), Map.of()))
                .expectStatus()
                .isOk();
    }

    @Test
    void whenFeedbackServiceCannotSayWhetherTheSessionIsLiveTheCallIsRefusedWith503() {
        String token = personToken();
        feedback.sessionCheckBroken.set(true);
        try {
            callWith(token)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503);
        } finally {
            feedback.sessionCheckBroken.set(false);
        }
        callWith(token).expectStatus().isOk();
    }

    @Test
    void aRememberedLiveAnswerEndsWithItsBoundWhileFeedbackServiceCannotAnswerFailClosed() throws Exception {
        String token = personToken();
        callWith(token).expectStatus().isOk(); // "live", remembered for lead360.auth.session-live-for (1 s)
        feedback.sessionCheckBroken.set(true);
        try {
            Thread.sleep(1_100);
            callWith(token).expectStatus().isEqualTo(503);
        } finally {
            feedback.sessionCheckBroken.set(false);
        }
        callWith(token).expectStatus().isOk();
    }

    /** Not a rule, a figure for the report: what the per-call session check adds. */
    @Test
    void measureTheSessionCheckLatency() {
        String sid = FeedbackStandIn.LEA_SESSION;
        io.lead360.gateway.signin.FeedbackCredentialsClient client = credentialsClient;
        for (int i = 0; i < 50; i++) {
            client.isSessionLive(sid, "p-lea").block();
        }
        int rounds = 300;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(client.isSessionLive(sid, "p-lea").block()).isTrue();
        }
        double micros = (System.nanoTime() - started) / 1000.0 / rounds;
        System.out.printf(
                "session check (GET /internal/auth/sessions/{sid}, loopback, sequential): %.0f us per call%n", micros);

        // the same route with and without a person token: the difference is token check + session check
        String token = personToken();
        double withToken = meanMicros(
                () -> this.client
                        .get()
                        .uri("/api/docs/feedback")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange()
                        .expectStatus()
                        .isOk(),
                rounds);
        double anonymous = meanMicros(
                () -> this.client
                        .get()
                        .uri("/api/docs/feedback")
                        .exchange()
                        .expectStatus()
                        .isOk(),
                rounds);
        System.out.printf(
                "routed GET through the gateway: %.0f us with a person token, %.0f us without (added %.0f us)%n",
                withToken, anonymous, withToken - anonymous);
    }

    private static double meanMicros(Runnable call, int rounds) {
        for (int i = 0; i < 30; i++) {
            call.run();
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            call.run();
        }
        return (System.nanoTime() - started) / 1000.0 / rounds;
    }
}
