package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in sessions through the gateway's internal endpoints, and their effect on person tokens: a
 * token works only while the session it names is live. The clock is the test's.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionsIT extends IsolatedIT {

    private static final String PASSWORD = "dev-password-1";

    /** dev (with a password) reporting to boss. */
    private Map<String, String> team() throws Exception {
        Map<String, Object> dev = person(email("dev"), "Dev", email("boss"));
        dev.put("password", PASSWORD);
        return importAndGetIds(List.of(person(email("boss"), "Boss", null), dev));
    }

    private JsonNode signIn(String email, String password) throws Exception {
        return body(postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email, "password", password))
                .andExpect(status().isOk()));
    }

    private String tokenOf(JsonNode signedIn) {
        List<String> roles = new ArrayList<>();
        signedIn.get("roles").forEach(r -> roles.add(r.asString()));
        return tokens.accessToken(
                signedIn.get("id").asString(),
                signedIn.get("email").asString(),
                signedIn.get("name").asString(),
                roles,
                signedIn.get("session").get("id").asString());
    }

    private org.springframework.test.web.servlet.ResultActions refresh(String refreshToken) throws Exception {
        return postAs(tokens.serviceToken(), "/internal/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    private static String refreshTokenOf(JsonNode signedIn) {
        return signedIn.get("session").get("refreshToken").asString();
    }

    @Test
    void signInStartsASessionWhoseTokensWorkUntilSignOutEndsThemAtOnce() throws Exception {
        Map<String, String> ids = team();
        JsonNode signedIn = signIn(email("dev"), PASSWORD);
        assertThat(signedIn.get("id").asString()).isEqualTo(ids.get("dev"));
        String sid = signedIn.get("session").get("id").asString();
        assertThat(sid).matches("[A-Za-z0-9_-]{43}");
        assertThat(refreshTokenOf(signedIn)).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(sid);
        assertThat(signedIn.get("session").get("expiresAt").asString())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)).toString());
        String token = tokenOf(signedIn);

        getAs(token, "/api/me")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ids.get("dev")));
        getAs(tokens.serviceToken(), "/internal/auth/sessions/" + sid + "?personId=" + ids.get("dev"))
                .andExpect(status().isNoContent());
        // live, but not this person's: a token with the right session id and another subject must fail
        getAs(tokens.serviceToken(), "/internal/auth/sessions/" + sid + "?personId=" + ids.get("boss"))
                .andExpect(status().isNotFound());

        mvc.perform(delete("/internal/auth/sessions/" + sid)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.serviceToken()))
                .andExpect(status().isNoContent());

        getAs(token, "/api/me")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        getAs(tokens.serviceToken(), "/internal/auth/sessions/" + sid + "?personId=" + ids.get("dev"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        refresh(refreshTokenOf(signedIn)).andExpect(status().isUnauthorized());
        // signing out twice is fine
        mvc.perform(delete("/internal/auth/sessions/" + sid)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.serviceToken()))
                .andExpect(status().isNoContent());
    }

    @Test
    void aRefreshHandsOutANewTokenAndTheSpentOneEndsTheWholeSessionWhenReused() throws Exception {
        team();
        JsonNode signedIn = signIn(email("dev"), PASSWORD);
        String first = refreshTokenOf(signedIn);

        JsonNode refreshed = body(refresh(first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.session.id")
                        .value(signedIn.get("session").get("id").asString())));
        String second = refreshTokenOf(refreshed);
        assertThat(second).isNotEqualTo(first);
        String token = tokenOf(refreshed);
        getAs(token, "/api/me").andExpect(status().isOk());

        // someone replays the spent token: the session ends for everyone holding it
        refresh(first)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        refresh(second).andExpect(status().isUnauthorized());
        getAs(token, "/api/me").andExpect(status().isUnauthorized());
    }

    @Test
    void ofTwoConcurrentRefreshesWithOneTokenExactlyOneWins() throws Exception {
        team();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String refreshToken = refreshTokenOf(signIn(email("dev"), PASSWORD));
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> attempt = () -> {
                    start.await();
                    return refresh(refreshToken).andReturn().getResponse().getStatus();
                };
                Future<Integer> a = pool.submit(attempt);
                Future<Integer> b = pool.submit(attempt);
                start.countDown();
                List<Integer> statuses = List.of(a.get(), b.get());
                assertThat(statuses).as("round %d", round).containsOnly(200, 401);
                assertThat(statuses).as("round %d: exactly one wins", round).containsOnlyOnce(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionEndsAfterAnHourWithoutRefreshAndAfterTwelveHoursWhatever() throws Exception {
        team();
        JsonNode idle = signIn(email("dev"), PASSWORD);
        clock.advance(Duration.ofMinutes(61));
        getAs(tokenOf(idle), "/api/me").andExpect(status().isUnauthorized());
        refresh(refreshTokenOf(idle)).andExpect(status().isUnauthorized());

        JsonNode busy = signIn(email("dev"), PASSWORD);
        String refreshToken = refreshTokenOf(busy);
        for (int i = 0; i < 14; i++) { // every 50 minutes: 11 h 40 min
            clock.advance(Duration.ofMinutes(50));
            refreshToken = refreshTokenOf(body(refresh(refreshToken).andExpect(status().isOk())));
        }
        getAs(tokenOf(busy), "/api/me").andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(20)); // 12 h after sign-in
        refresh(refreshToken).andExpect(status().isUnauthorized());
        getAs(tokenOf(busy), "/api/me").andExpect(status().isUnauthorized());
    }

    @Test
    void aRefreshReadsTheRolesAgainAndRefusesADeactivatedPerson() throws Exception {
        Map<String, String> ids = team();
        JsonNode signedIn = signIn(email("dev"), PASSWORD);
        assertThat(signedIn.get("roles").toString()).doesNotContain("LEADER");
        // dev gets a report: LEADER is derived, the next refresh carries it
        postAs(adminToken(), "/api/people/import", List.of(person(email("intern"), "Intern", email("dev"))))
                .andExpect(status().isOk());
        JsonNode refreshed = body(refresh(refreshTokenOf(signedIn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", hasItem("LEADER"))));

        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(ids.get("dev"))),
                new org.springframework.data.mongodb.core.query.Update().set("deactivatedAt", clock.instant()),
                "people");
        refresh(refreshTokenOf(refreshed)).andExpect(status().isUnauthorized());
        getAs(tokenOf(refreshed), "/api/me").andExpect(status().isUnauthorized());
    }

    @Test
    void aPersonTokenNeedsALiveSessionOfThatSamePerson() throws Exception {
        Map<String, String> ids = team();
        JsonNode dev = signIn(email("dev"), PASSWORD);
        String devSession = dev.get("session").get("id").asString();
        String boss = ids.get("boss");

        // no sid (a token minted before sessions), someone else's, an invented one
        getAs(tokens.accessToken(boss, email("boss"), "Boss", List.of("EMPLOYEE")), "/api/me")
                .andExpect(status().isUnauthorized());
        getAs(tokens.accessToken(boss, email("boss"), "Boss", List.of("EMPLOYEE"), devSession), "/api/me")
                .andExpect(status().isUnauthorized());
        getAs(tokens.accessToken(boss, email("boss"), "Boss", List.of("EMPLOYEE"), "made-up"), "/api/me")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // the gateway's SERVICE token has no session and needs none
        getAs(tokens.serviceToken(), "/internal/auth/sessions/" + devSession + "?personId=" + ids.get("dev"))
                .andExpect(status().isNoContent());
    }

    @Test
    void singleSignOnCodesWorkOnceForSixtySecondsAndOnlyForActivePeople() throws Exception {
        Map<String, String> ids = team();
        String code = body(postAs(
                                tokens.serviceToken(),
                                "/internal/auth/sso",
                                Map.of("email", email("DEV").toUpperCase()))
                        .andExpect(status().isOk()))
                .get("code")
                .asString();
        assertThat(code).matches("[A-Za-z0-9_-]{43}");

        JsonNode signedIn = body(postAs(tokens.serviceToken(), "/internal/auth/sso/redeem", Map.of("code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ids.get("dev"))));
        getAs(tokenOf(signedIn), "/api/me").andExpect(status().isOk());
        postAs(tokens.serviceToken(), "/internal/auth/sso/redeem", Map.of("code", code))
                .andExpect(status().isUnauthorized());

        String late = body(postAs(tokens.serviceToken(), "/internal/auth/sso", Map.of("email", email("dev"))))
                .get("code")
                .asString();
        clock.advance(Duration.ofSeconds(61));
        postAs(tokens.serviceToken(), "/internal/auth/sso/redeem", Map.of("code", late))
                .andExpect(status().isUnauthorized());

        postAs(tokens.serviceToken(), "/internal/auth/sso", Map.of("email", email("nobody")))
                .andExpect(status().isUnauthorized());
        postAs(tokens.serviceToken(), "/internal/auth/sso/redeem", Map.of("code", "made-up"))
                .andExpect(status().isUnauthorized());
        // the codes are stored only as hashes
        assertThat(mongo.findAll(org.bson.Document.class, "sso_codes").toString())
                .doesNotContain(late);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswerAndNoSecretReachesTheLog(CapturedOutput output) throws Exception {
        team();
        MvcResult wrongPassword = postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("dev"), "password", "not-" + PASSWORD))
                .andExpect(status().isUnauthorized())
                .andReturn();
        MvcResult unknownEmail = postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("nobody"), "password", "not-" + PASSWORD))
                .andExpect(status().isUnauthorized())
                .andReturn();
        assertThat(unknownEmail.getResponse().getContentAsString())
                .isEqualTo(wrongPassword.getResponse().getContentAsString());
        assertThat(unknownEmail.getResponse().getContentType())
                .isEqualTo(wrongPassword.getResponse().getContentType());

        JsonNode signedIn = signIn(email("dev"), PASSWORD);
        String refreshed = refreshTokenOf(body(refresh(refreshTokenOf(signedIn)).andExpect(status().isOk())));
        refresh(refreshTokenOf(signedIn))
                .andExpect(status().isUnauthorized()); // reuse: logged as nothing secret either

        assertThat(output.getAll())
                .doesNotContain(PASSWORD)
                .doesNotContain(refreshTokenOf(signedIn))
                .doesNotContain(refreshed);
        // the store keeps hashes only
        String stored = mongo.findAll(org.bson.Document.class, "sessions").toString();
        assertThat(stored).doesNotContain(refreshTokenOf(signedIn)).doesNotContain(refreshed);
    }

    @Test
    void badInputToTheSignInEndpointsIsA4xxProblemNeverA500() throws Exception {
        String service = tokens.serviceToken();
        postAs(service, "/internal/auth/refresh", "{\"refreshToken\":{\"$gt\":\"\"}}")
                .andExpect(status().isBadRequest());
        postAs(service, "/internal/auth/refresh", "{}").andExpect(status().isUnauthorized());
        postAs(service, "/internal/auth/refresh", "{\"refreshToken\":\"x\",\"sid\":\"y\"}")
                .andExpect(status().isBadRequest());
        postAs(service, "/internal/auth/sso", "{}").andExpect(status().isUnauthorized());
        postAs(service, "/internal/auth/sso/redeem", "[]").andExpect(status().isBadRequest());
        mvc.perform(post("/internal/auth/verify").header(HttpHeaders.AUTHORIZATION, "Bearer " + service))
                .andExpect(status().isBadRequest());
        Map<String, Object> none = new HashMap<>();
        none.put("email", null);
        postAs(service, "/internal/auth/verify", none)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", not(org.hamcrest.Matchers.containsString("Exception"))));
    }
}
