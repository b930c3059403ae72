package io.lead360.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.events.Relationship;
import io.lead360.service.SigningKey;
import io.lead360.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class SecurityIT extends AbstractIT {

    @Autowired
    ProfileAggregateStore aggregates;

    @Test
    void theSigningKeysPublicHalfIsPublishedWithoutItsPrivateParts() throws Exception {
        String body = mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();

        JWKSet published = JWKSet.parse(body);
        assertThat(published.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID())
                    .isEqualTo(SigningKey.load(FeedbackKeyEndpoint.get().signingKeyFile())
                            .keyId());
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
        assertThat(json.readTree(body).get("keys").get(0).propertyNames())
                .doesNotContain("d", "p", "q", "dp", "dq", "qi");
    }

    /** What feedback-service does with analytics' token: checks it with the keys analytics publishes. */
    @Test
    void theTokenForTheKeyEndpointVerifiesWithThePublishedKeyAndSaysWhoCalls() throws Exception {
        String subjectId = unique("lea");
        String cycleId = unique("cycle");
        publish(submission(cycleId, subjectId, Relationship.MANAGER, Map.of("t1", 4), Map.of()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(aggregates
                                .find(cycleId, subjectId)
                                .group(Relationship.MANAGER)
                                .responses())
                        .isEqualTo(1));

        RSAKey published = JWKSet.parse(mvc.perform(get("/.well-known/jwks.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .getKeys()
                .get(0)
                .toRSAKey();
        SignedJWT token = SignedJWT.parse(FeedbackKeyEndpoint.get().lastToken());
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(token.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("lead360-analytics");
        assertThat(claims.getAudience()).containsExactly("lead360-feedback");
        assertThat(claims.getSubject()).isEqualTo("analytics-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(FeedbackKeyEndpoint.get().rejectedTokens()).isZero();
        assertThat(FeedbackKeyEndpoint.get().badRequests()).isZero();
    }

    @Test
    void theProbesAreOpen() throws Exception {
        mvc.perform(get("/readyz")).andExpect(status().isOk());
        mvc.perform(get("/livez")).andExpect(status().isOk());
    }

    @Test
    void apiWithoutTokenIsUnauthorizedProblem() throws Exception {
        mvc.perform(get("/api/profiles/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void expiredOrForeignTokensAreRejected() throws Exception {
        var expired = claims("lead360", "lead360-api")
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build();
        var wrongAudience = claims("lead360", "someone-else").build();
        var wrongIssuer = claims("evil", "lead360-api").build();

        for (JWTClaimsSet set : List.of(expired, wrongAudience, wrongIssuer)) {
            mvc.perform(get("/api/profiles/me")
                            .header(
                                    HttpHeaders.AUTHORIZATION,
                                    "Bearer " + TestTokens.get().sign(set)))
                    .andExpect(status().isUnauthorized());
        }
    }

    private static JWTClaimsSet.Builder claims(String issuer, String audience) {
        return new JWTClaimsSet.Builder()
                .subject("lea")
                .issuer(issuer)
                .audience(audience)
                .claim("roles", List.of("EMPLOYEE"))
                .issueTime(Date.from(Instant.now().minusSeconds(700)))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }
}
