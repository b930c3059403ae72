package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.token.AccessTokenResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

/** Sign-in with email and password through the gateway: the token it answers, how it asks feedback-service, and its refusals. */
class SignInIT extends AbstractIT {

    @Test
    void signInIssuesATokenThatVerifiesAgainstThePublishedKeySet() {
        AccessTokenResponse answer = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.tokenType()).isEqualTo("Bearer");
        assertThat(answer.expiresIn()).isEqualTo(900);
        Jwt jwt = jwksDecoder().decode(answer.accessToken());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", signingKey.keyId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("lead360");
        assertThat(jwt.getAudience()).containsExactly("lead360-api");
        assertThat(jwt.getSubject()).isEqualTo("p-lea");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("lea@acme.test");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Lea Park");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EMPLOYEE", "LEADER");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void gatewayAsksFeedbackServiceWithAShortLivedServiceToken() {
        signIn("lea@acme.test", "lea-secret").expectStatus().isOk();

        String authorization = feedback.lastVerifyAuthorization.get();
        assertThat(authorization).startsWith("Bearer ");
        Jwt serviceToken = jwksDecoder().decode(authorization.substring("Bearer ".length()));
        assertThat(serviceToken.getSubject()).isEqualTo("gateway-service");
        assertThat(serviceToken.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(Duration.between(serviceToken.getIssuedAt(), serviceToken.getExpiresAt()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401Problem() {
        signIn("lea@acme.test", "guess")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Invalid email or password");

        signIn("nobody@acme.test", "lea-secret")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .isEqualTo("Invalid email or password");
    }

    @Test
    void signInWithMissingFieldsIsA400ProblemNamingTheFields() {
        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"lea@acme.test\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("password")
                .jsonPath("$.errors[0].message")
                .exists();
    }

    @Test
    void signInWithABodyThatIsNotJsonIsA400Problem() {
        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("email=lea@acme.test&password=x")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void signInWhileFeedbackServiceFailsIsA503Problem() {
        signIn(BROKEN_EMAIL, "whatever")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("feedback-service is unavailable");
    }
}
