package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.testsupport.TestTokens;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** analytics-service, and only it, fetches the keys of subjects; an erased subject's key is gone. */
class SubjectKeysIT extends AbstractIT {

    private static final String KEYS = "/internal/subject-keys";

    @Test
    void analyticsGetsTheKeysOfOpenedSubjectsAndLearnsWhoWasErased() throws Exception {
        Map<String, String> id = importAndGetIds(List.of(
                person(email("m"), "M", null),
                person(email("a"), "A", email("m")),
                person(email("gone"), "Gone", null),
                person(email("g1"), "G1", email("gone"))));
        for (String subject : List.of("m", "gone")) {
            String cycle = body(postAs(
                            adminToken(),
                            "/api/cycles",
                            Map.of(
                                    "name",
                                    "Keys " + tag,
                                    "templateId",
                                    "leadership-360",
                                    "subjectIds",
                                    List.of(id.get(subject)))))
                    .get("id")
                    .asString();
            postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        }
        mvc.perform(delete("/api/people/" + id.get("gone")).header("Authorization", "Bearer " + adminToken()))
                .andExpect(status().isNoContent());

        String analytics = TestTokens.analyticsService().serviceToken();
        JsonNode answer = body(postAs(
                        analytics,
                        KEYS,
                        Map.of("subjectIds", List.of(id.get("m"), id.get("gone"), id.get("a"), "nobody-" + tag)))
                .andExpect(status().isOk()));
        assertThat(answer.get("keys").propertyNames()).containsExactly(id.get("m"));
        assertThat(Base64.getUrlDecoder()
                        .decode(answer.at("/keys/" + id.get("m")).asString()))
                .hasSize(32)
                .isEqualTo(subjectKeys.keyOf(id.get("m")));
        assertThat(answer.get("erased")).extracting(JsonNode::asString).containsExactly(id.get("gone"));

        // nobody else: not the gateway's service token, not a person, not an administrator
        postAs(tokens.serviceToken(), KEYS, Map.of("subjectIds", List.of(id.get("m"))))
                .andExpect(status().isUnauthorized());
        postAs(adminToken(), KEYS, Map.of("subjectIds", List.of(id.get("m")))).andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(KEYS))
                .andExpect(status().isUnauthorized());
        // and analytics' token reaches nothing else
        getAs(analytics, "/api/people").andExpect(status().isUnauthorized());
        postAs(analytics, "/internal/auth/verify", Map.of("email", email("m"), "password", "x"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aLookupOfNothingOrTooMuchIsABadRequest() throws Exception {
        String analytics = TestTokens.analyticsService().serviceToken();
        postAs(analytics, KEYS, Map.of("subjectIds", List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subjectIds"));
        postAs(analytics, KEYS, Map.of("subjectIds", java.util.Collections.nCopies(1001, "x")))
                .andExpect(status().isBadRequest());
    }
}
