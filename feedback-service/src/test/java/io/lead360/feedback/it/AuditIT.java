package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.cycle.CycleService;
import io.lead360.service.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The audit log: one entry per administrator action, readable by administrators only, never an answer. */
class AuditIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CycleService cycles;

    private String admin() {
        return "admin-" + tag;
    }

    /** This test's entries (its administrator acts only here), newest first. */
    private List<JsonNode> entries(String query) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        body(getAs(adminToken(), "/api/audit?limit=1000&" + query).andExpect(status().isOk()))
                .forEach(found::add);
        return found;
    }

    private JsonNode onlyEntry(String action, String targetId) throws Exception {
        List<JsonNode> found = entries("action=" + action + "&targetId=" + targetId);
        assertThat(found).as(action + " on " + targetId).hasSize(1);
        JsonNode entry = found.get(0);
        assertThat(entry.get("targetId").asString()).isEqualTo(targetId);
        assertThat(entry.get("id").asString()).isNotBlank();
        assertThat(Instant.parse(entry.get("at").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        return entry;
    }

    /** m ← {a, b, c}; x has no manager. */
    private Map<String, String> team() throws Exception {
        return importAndGetIds(List.of(
                person(email("m"), "M", null),
                person(email("a"), "A", email("m")),
                person(email("b"), "B", email("m")),
                person(email("c"), "C", email("m")),
                person(email("x"), "X", null)));
    }

    private String createCycle(Map<String, Object> extra, String... subjectIds) throws Exception {
        Map<String, Object> body = new HashMap<>(
                Map.of("name", "Audited " + tag, "templateId", "leadership-360", "subjectIds", List.of(subjectIds)));
        body.putAll(extra);
        return body(postAs(adminToken(), "/api/cycles", body).andExpect(status().isCreated()))
                .get("id")
                .asString();
    }

    @Test
    void everyAdministratorActionLeavesOneEntryNamingActorAndTarget() throws Exception {
        postAs(adminToken(), "/api/people/import?dryRun=true", List.of(person(email("m"), "M", null)))
                .andExpect(status().isOk());
        assertThat(entries("actorId=" + admin()))
                .as("a dry run saves nothing, so records nothing")
                .isEmpty();
        Map<String, String> id = team();
        List<JsonNode> imported = entries("actorId=" + admin() + "&action=PEOPLE_IMPORTED");
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).at("/details/created").asInt()).isEqualTo(5);
        assertThat(imported.get(0).get("targetType").asString()).isEqualTo("people");

        String template = body(postAs(
                                adminToken(),
                                "/api/templates",
                                Map.of(
                                        "name",
                                        "Audited " + tag,
                                        "competencies",
                                        List.of(Map.of(
                                                "key",
                                                "TRUST",
                                                "name",
                                                "Trust",
                                                "items",
                                                List.of(Map.of("id", "t1", "text", "trusts me")))),
                                        "openQuestions",
                                        List.of(Map.of("id", "start", "text", "Start?"))))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        assertThat(onlyEntry("TEMPLATE_CREATED", template).get("actorId").asString())
                .isEqualTo(admin());
        putAs(
                        adminToken(),
                        "/api/templates/" + template,
                        Map.of(
                                "name",
                                "Audited again " + tag,
                                "competencies",
                                List.of(Map.of(
                                        "key",
                                        "TRUST",
                                        "name",
                                        "Trust",
                                        "items",
                                        List.of(Map.of("id", "t1", "text", "trusts me a lot"))))))
                .andExpect(status().isOk());
        assertThat(onlyEntry("TEMPLATE_UPDATED", template).get("actorId").asString())
                .isEqualTo(admin());

        String cycle = createCycle(Map.of(), id.get("m"));
        assertThat(onlyEntry("CYCLE_CREATED", cycle).get("actorId").asString()).isEqualTo(admin());
        String nominations = "/api/cycles/" + cycle + "/nominations";
        String approved = body(postAs(
                                adminToken(),
                                nominations,
                                Map.of("subjectId", id.get("m"), "raterId", id.get("x"), "relationship", "OTHER"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        String rejected = body(postAs(
                                personToken(id.get("m")),
                                nominations,
                                Map.of("subjectId", id.get("m"), "raterId", id.get("c"), "relationship", "PEER"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(adminToken(), nominations + "/" + approved + "/approve", null).andExpect(status().isOk());
        postAs(adminToken(), nominations + "/" + rejected + "/reject", null).andExpect(status().isOk());
        assertThat(onlyEntry("NOMINATION_APPROVED", approved).get("actorId").asString())
                .isEqualTo(admin());
        assertThat(onlyEntry("NOMINATION_REJECTED", rejected)
                        .at("/details/cycleId")
                        .asString())
                .isEqualTo(cycle);
        // who proposed whom, for whom: hand-picked co-raters never go unseen
        JsonNode proposedByAdmin = onlyEntry("NOMINATION_PROPOSED", approved);
        assertThat(proposedByAdmin.get("actorId").asString()).isEqualTo(admin());
        assertThat(proposedByAdmin.at("/details/raterId").asString()).isEqualTo(id.get("x"));
        assertThat(proposedByAdmin.at("/details/subjectId").asString()).isEqualTo(id.get("m"));
        assertThat(proposedByAdmin.at("/details/byAdministrator").asBoolean()).isTrue();
        JsonNode proposedBySubject = onlyEntry("NOMINATION_PROPOSED", rejected);
        assertThat(proposedBySubject.get("actorId").asString()).isEqualTo(id.get("m"));
        assertThat(proposedBySubject.at("/details/byAdministrator").asBoolean()).isFalse();

        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        assertThat(onlyEntry("CYCLE_OPENED", cycle).get("actorId").asString()).isEqualTo(admin());
        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null).andExpect(status().isOk());
        assertThat(onlyEntry("REMINDERS_SENT", cycle).at("/details/reminded").asInt())
                .isPositive();

        // an answer with a comment, before the close: no entry may ever hold it
        String comment = "never in the audit log, " + tag;
        String request = requestsOf(id.get("a")).get(0).get("id").asString();
        postAs(
                        personToken(id.get("a")),
                        "/api/feedback-requests/" + request + "/response",
                        Map.of("ratings", Map.of("trust-1", 5), "comments", Map.of("start", comment)))
                .andExpect(status().isCreated());

        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isOk());
        assertThat(onlyEntry("CYCLE_CLOSED", cycle).get("actorId").asString()).isEqualTo(admin());
        postAs(adminToken(), "/api/cycles/" + cycle + "/release", null).andExpect(status().isOk());
        assertThat(onlyEntry("RESULTS_RELEASED", cycle).get("actorId").asString())
                .isEqualTo(admin());

        getAs(adminToken(), "/api/people/" + id.get("b") + "/data").andExpect(status().isOk());
        assertThat(onlyEntry("PERSON_DATA_EXPORTED", id.get("b")).get("actorId").asString())
                .isEqualTo(admin());
        getAs(personToken(id.get("c")), "/api/me/data").andExpect(status().isOk());
        assertThat(onlyEntry("PERSON_DATA_EXPORTED", id.get("c")).get("actorId").asString())
                .isEqualTo(id.get("c"));
        mvc.perform(delete("/api/people/" + id.get("x")).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()))
                .andExpect(status().isNoContent());
        JsonNode erased = onlyEntry("PERSON_ERASED", id.get("x"));
        assertThat(erased.get("actorId").asString()).isEqualTo(admin());
        assertThat(erased.get("targetType").asString()).isEqualTo("person");

        // newest first, and every one of them is this administrator's
        List<JsonNode> all = entries("actorId=" + admin());
        assertThat(all)
                .extracting(e -> e.get("action").asString())
                .startsWith("PERSON_ERASED", "PERSON_DATA_EXPORTED", "RESULTS_RELEASED", "CYCLE_CLOSED");
        assertThat(all)
                .extracting(e -> Instant.parse(e.get("at").asString()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        getAs(adminToken(), "/api/audit?limit=2&actorId=" + admin())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].action").value("PERSON_ERASED"));
        assertThat(mongo.findAll(Document.class, AuditEntry.COLLECTION))
                .noneMatch(d -> d.toJson().contains(comment));
    }

    @Test
    void theScheduledCloseIsRecordedWithTheSystemAsActor() throws Exception {
        Map<String, String> id = team();
        String cycle =
                createCycle(Map.of("closesAt", Instant.now().plusSeconds(2).toString()), id.get("m"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    cycles.closeDue();
                    assertThat(cycles.get(cycle).status().name()).isEqualTo("CLOSED");
                });
        assertThat(onlyEntry("CYCLE_CLOSED", cycle).get("actorId").asString()).isEqualTo("system");
    }

    @Test
    void timeFiltersNarrowTheAnswer() throws Exception {
        Map<String, String> id = team();
        String cycle = createCycle(Map.of(), id.get("m"));
        Instant later = Instant.now().plusSeconds(3600);
        assertThat(entries("targetId=" + cycle + "&from=" + later)).isEmpty();
        assertThat(entries("targetId=" + cycle + "&to=2020-01-01T00:00:00Z")).isEmpty();
        assertThat(entries("targetId=" + cycle + "&from=2020-01-01T00:00:00Z&to=" + later))
                .hasSize(1);
    }

    @Test
    void onlyAdministratorsReadTheLogAndBadParametersAreRefused() throws Exception {
        getAs(personToken("someone-" + tag), "/api/audit")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        for (String bad : List.of(
                "limit=0",
                "limit=1001",
                "limit=ten",
                "from=yesterday",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "action=cycle_opened")) {
            getAs(adminToken(), "/api/audit?" + bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").exists());
        }
    }

    @Test
    void theLogIsAppendOnlyThroughTheApi() throws Exception {
        postAs(adminToken(), "/api/audit", Map.of("action", "X")).andExpect(status().isMethodNotAllowed());
        putAs(adminToken(), "/api/audit", Map.of("action", "X")).andExpect(status().isMethodNotAllowed());
        mvc.perform(delete("/api/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()))
                .andExpect(status().isMethodNotAllowed());
    }
}
