package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Issue 5, hardening: unknown fields, MongoDB operators smuggled into values, oversized bodies. */
class InputHardeningIT extends AbstractIT {

    private static final String NE_NULL = "{\"$ne\":null}";
    private static final String GT_EMPTY = "{\"$gt\":\"\"}";

    /** mo ← {lea, sam}; mo is the subject of an open cycle; answers ids and lea's request. */
    private Map<String, String> openCycle() throws Exception {
        Map<String, String> id = importAndGetIds(List.of(
                person(email("mo"), "Mo", null),
                person(email("lea"), "Lea", email("mo")),
                person(email("sam"), "Sam", email("mo"))));
        String cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "H " + tag,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(id.get("mo")),
                                "anonymityThreshold",
                                3)))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        Map<String, String> ids = new HashMap<>(id);
        ids.put("cycle", cycle);
        ids.put("leaRequest", requestsOf(id.get("lea")).get(0).get("id").asString());
        return ids;
    }

    private static void refusedNaming(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void aResponseWithAnUnknownFieldIsRefusedNamingItAndNothingIsSubmitted() throws Exception {
        Map<String, String> r = openCycle();
        String path = "/api/feedback-requests/" + r.get("leaRequest");
        String lea = personToken(r.get("lea"));

        refusedNaming(postAs(lea, path + "/response", "{\"ratings\":{\"trust-1\":4},\"raterId\":\"x\"}"), "raterId");
        refusedNaming(
                postAs(
                        lea,
                        path + "/response",
                        "{\"ratings\":{\"trust-1\":4},\"comments\":{},\"submittedAt\":\"2020-01-01T00:00:00Z\"}"),
                "submittedAt");
        refusedNaming(putAs(lea, path + "/draft", "{\"ratings\":{\"trust-1\":4},\"status\":\"SUBMITTED\"}"), "status");
        refusedNaming(postAs(lea, path + "/decline", "{\"reason\":\"busy\",\"requestId\":\"other\"}"), "requestId");

        getAs(lea, path).andExpect(jsonPath("$.status").value("PENDING"));
        postAs(lea, path + "/response", Map.of("ratings", Map.of("trust-1", 4))).andExpect(status().isCreated());
    }

    @Test
    void unknownFieldsInImportRowsCyclesTemplatesAndNominationsAreRefusedNamingThem() throws Exception {
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/people/import",
                        "[{\"email\":\"" + email("x") + "\",\"name\":\"X\",\"isAdmin\":true}]"),
                "[0].isAdmin");
        getAs(adminToken(), "/api/people")
                .andExpect(jsonPath("$[?(@.email == '" + email("x") + "')]").isEmpty());

        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/cycles",
                        "{\"name\":\"C\",\"templateId\":\"leadership-360\","
                                + "\"subjectIds\":[\"a\"],\"status\":\"RELEASED\"}"),
                "status");
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/templates",
                        "{\"name\":\"T\",\"competencies\":[{\"key\":\"A\","
                                + "\"name\":\"A\",\"items\":[{\"id\":\"a-1\",\"text\":\"t\",\"weight\":2}]}],\"openQuestions\":[]}"),
                "competencies[0].items[0].weight");

        Map<String, String> id =
                importAndGetIds(List.of(person(email("mo"), "Mo", null), person(email("lea"), "Lea", email("mo"))));
        String cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "N " + tag,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(id.get("mo")))))
                .get("id")
                .asString();
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/cycles/" + cycle + "/nominations",
                        "{\"subjectId\":\""
                                + id.get("mo") + "\",\"raterId\":\"" + id.get("lea") + "\",\"relationship\":\"PEER\","
                                + "\"status\":\"APPROVED\"}"),
                "status");
    }

    @Test
    void operatorObjectsInBodiesAreRefusedAsTheWrongTypeNeverQueried() throws Exception {
        refusedNaming(
                postAs(adminToken(), "/api/people/import", "[{\"email\":" + GT_EMPTY + ",\"name\":\"X\"}]"),
                "[0].email");
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/people/import",
                        "[{\"email\":\"" + email("y") + "\",\"name\":\"Y\"," + "\"managerEmail\":" + NE_NULL + "}]"),
                "[0].managerEmail");
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/cycles",
                        "{\"name\":\"C\",\"templateId\":\"leadership-360\"," + "\"subjectIds\":[" + NE_NULL + "]}"),
                "subjectIds[0]");
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/cycles",
                        "{\"name\":\"C\",\"templateId\":" + NE_NULL + ",\"subjectIds\":[\"a\"]}"),
                "templateId");

        Map<String, String> r = openCycle();
        String path = "/api/feedback-requests/" + r.get("leaRequest");
        postAs(personToken(r.get("lea")), path + "/response", "{\"ratings\":{\"trust-1\":{\"$gt\":0}}}")
                .andExpect(status().isBadRequest());
        postAs(
                        personToken(r.get("lea")),
                        path + "/response",
                        "{\"ratings\":{\"trust-1\":4}," + "\"comments\":{\"start\":" + NE_NULL + "}}")
                .andExpect(status().isBadRequest());
        refusedNaming(
                postAs(
                        adminToken(),
                        "/api/cycles/" + r.get("cycle") + "/nominations",
                        "{\"subjectId\":" + NE_NULL + ",\"raterId\":\"" + r.get("lea")
                                + "\",\"relationship\":\"PEER\"}"),
                "subjectId");
        getAs(personToken(r.get("lea")), path).andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void operatorTextInPathIdsMatchesNothing() throws Exception {
        Map<String, String> r = openCycle();
        for (String operator : List.of(NE_NULL, GT_EMPTY, "[$ne]=x")) {
            mvc.perform(get("/api/feedback-requests/{id}", operator)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken(r.get("lea"))))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/feedback-requests/{id}/response", operator)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken(r.get("lea")))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"ratings\":{\"trust-1\":4}}"))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/people/{id}", operator).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/cycles/{id}", operator).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/cycles/{id}/close", operator)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()))
                    .andExpect(status().isNotFound());
        }
        getAs(adminToken(), "/api/cycles/" + r.get("cycle"))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void aSignInCheckWithOperatorsInsteadOfCredentialsNeverMatchesAPerson() throws Exception {
        // the bootstrap administrator's real password and email: only the operator stands in for the other
        String service = tokens.serviceToken();
        String password = TestSettings.BOOTSTRAP_ADMIN_PASSWORD;
        postAs(service, "/internal/auth/verify", "{\"email\":" + GT_EMPTY + ",\"password\":\"" + password + "\"}")
                .andExpect(status().isBadRequest());
        postAs(
                        service,
                        "/internal/auth/verify",
                        "{\"email\":\"" + TestSettings.BOOTSTRAP_ADMIN_EMAIL + "\",\"password\":" + NE_NULL + "}")
                .andExpect(status().isBadRequest());
        postAs(
                        service,
                        "/internal/auth/verify",
                        "{\"email\":\"" + GT_EMPTY.replace("\"", "\\\"") + "\",\"password\":\"" + password + "\"}")
                .andExpect(status().isUnauthorized());
        postAs(service, "/internal/auth/verify", "{\"email\":\".*\",\"password\":\"" + password + "\"}")
                .andExpect(status().isUnauthorized());
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413BeforeAnythingReadsThem() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"templateId\":\"leadership-360\"}";
        postAs(adminToken(), "/api/cycles", big)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
        // refused before authentication too: an anonymous caller cannot make the service read it
        mvc.perform(post("/api/cycles").contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void aPeopleImportMayBeLargerThanOtherCallsButNotUnlimited() throws Exception {
        String padded = "[{\"email\":\"" + email("big") + "\",\"name\":\"Big\"}" + " ".repeat(1024 * 1024) + "]";
        ResultActions accepted = postAs(adminToken(), "/api/people/import", padded);
        assertThat(accepted.andReturn().getResponse().getStatus()).isEqualTo(200);

        String huge = "[" + " ".repeat(6 * 1024 * 1024) + "]";
        postAs(adminToken(), "/api/people/import", huge).andExpect(status().isPayloadTooLarge());
    }
}
