package io.lead360.analytics;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lead360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SecurityIT extends IntegrationTestBase {

    @Test
    void healthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
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
        var expired = claims("lead360", "lead360-api").expirationTime(Date.from(Instant.now().minusSeconds(600))).build();
        var wrongAudience = claims("lead360", "someone-else").build();
        var wrongIssuer = claims("evil", "lead360-api").build();

        for (JWTClaimsSet set : List.of(expired, wrongAudience, wrongIssuer)) {
            mvc.perform(get("/api/profiles/me")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.get().sign(set)))
                    .andExpect(status().isUnauthorized());
        }
    }

    private static JWTClaimsSet.Builder claims(String issuer, String audience) {
        return new JWTClaimsSet.Builder().subject("lea").issuer(issuer).audience(audience)
                .claim("roles", List.of("EMPLOYEE"))
                .issueTime(Date.from(Instant.now().minusSeconds(700)))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }
}
