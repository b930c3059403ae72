package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Administrators' own questionnaires, and the public API documentation. */
class TemplatesIT extends AbstractIT {

    private Map<String, Object> coaching(String name) {
        return Map.of(
                "name",
                name,
                "competencies",
                List.of(Map.of(
                        "key",
                        "COACHING",
                        "name",
                        "Coaching",
                        "items",
                        List.of(
                                Map.of("id", "coach-1", "text", "asks before telling", "reverse", false),
                                Map.of("id", "coach-2", "text", "hands out answers", "reverse", true)))),
                "openQuestions",
                List.of(Map.of("id", "start", "text", "Start?")));
    }

    @Test
    void aTemplateChangesInPlaceUntilACycleUsingItOpensThenOnlyNewVersions() throws Exception {
        JsonNode created = body(postAs(adminToken(), "/api/templates", coaching("Coaching " + tag))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1)));
        String id = created.get("id").asString();
        putAs(adminToken(), "/api/templates/" + id, coaching("Coaching v1b " + tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Coaching v1b " + tag));
        getAs(personToken("p-" + tag), "/api/templates").andExpect(jsonPath("$[*].id", hasItem(id)));

        Map<String, String> people =
                importAndGetIds(List.of(person(email("mo"), "Mo", null), person(email("lea"), "Lea", email("mo"))));
        String cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of("name", "C " + tag, "templateId", id, "subjectIds", List.of(people.get("mo")))))
                .get("id")
                .asString();
        // a DRAFT cycle does not freeze the template
        putAs(adminToken(), "/api/templates/" + id, coaching("Coaching v1c " + tag))
                .andExpect(status().isOk());
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());

        putAs(adminToken(), "/api/templates/" + id, coaching("Changed " + tag))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("basedOn")));
        String lea = requestsOf(people.get("lea")).get(0).get("id").asString();
        getAs(personToken(people.get("lea")), "/api/feedback-requests/" + lea)
                .andExpect(jsonPath("$.questionnaire.name").value("Coaching v1c " + tag))
                .andExpect(jsonPath("$.questionnaire.competencies[0].items[1].reverse")
                        .value(true));
        postAs(
                        personToken(people.get("lea")),
                        "/api/feedback-requests/" + lea + "/response",
                        Map.of("ratings", Map.of("trust-1", 3)))
                .andExpect(status().isBadRequest());
        postAs(
                        personToken(people.get("lea")),
                        "/api/feedback-requests/" + lea + "/response",
                        Map.of("ratings", Map.of("coach-2", 3)))
                .andExpect(status().isCreated());

        Map<String, Object> next = new java.util.HashMap<>(coaching("Coaching v2 " + tag));
        next.put("basedOn", id);
        postAs(adminToken(), "/api/templates", next)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.basedOn").value(id));
        getAs(adminToken(), "/api/templates/" + id).andExpect(jsonPath("$.name").value("Coaching v1c " + tag));
    }

    @Test
    void theBuiltInTemplateNeverChangesButCanBeTheBaseOfANewVersion() throws Exception {
        putAs(adminToken(), "/api/templates/leadership-360", coaching("Mine")).andExpect(status().isConflict());
        Map<String, Object> next = new java.util.HashMap<>(coaching("Leadership, our way " + tag));
        next.put("basedOn", "leadership-360");
        postAs(adminToken(), "/api/templates", next)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        getAs(adminToken(), "/api/templates/leadership-360")
                .andExpect(jsonPath("$.competencies.length()").value(7))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void badTemplatesAreRefusedNamingEveryFieldAndOnlyAdministratorsWriteThem() throws Exception {
        postAs(
                        adminToken(),
                        "/api/templates",
                        Map.of(
                                "name",
                                "",
                                "competencies",
                                List.of(Map.of(
                                        "key", "bad", "name", "B", "items", List.of(Map.of("id", "x", "text", ""))))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "name", "competencies[0].key", "competencies[0].items[0].text")));
        Map<String, Object> unknownBase = new java.util.HashMap<>(coaching("x"));
        unknownBase.put("basedOn", "nope-" + tag);
        postAs(adminToken(), "/api/templates", unknownBase)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("basedOn"));
        postAs(adminToken(), "/api/templates", "{\"name\": [1]}").andExpect(status().isBadRequest());
        putAs(adminToken(), "/api/templates/nope-" + tag, coaching("x")).andExpect(status().isNotFound());
        postAs(personToken("p-" + tag), "/api/templates", coaching("x")).andExpect(status().isForbidden());
        putAs(personToken("p-" + tag), "/api/templates/leadership-360", coaching("x"))
                .andExpect(status().isForbidden());
    }

    /** The Swagger UI is the gateway's (ApiDocsIT checks the document itself). */
    @Test
    void theOpenApiDocumentIsPublic() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/api/docs/feedback"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/cycles/{id}/nominations")).isTrue();
        assertThat(doc.get("paths").has("/api/feedback-requests/{id}/draft")).isTrue();
    }
}
