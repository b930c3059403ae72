package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Report exports, administrators' profile reads and rebuilds leave entries with ids only, queryable by administrators. */
class AuditIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String COMMENT = "confidential-comment-" + UUID.randomUUID();

    @Autowired
    MongoTemplate mongo;

    @Test
    void profileReadsByAdministratorsReportExportsAndRebuildsAreAuditedWithoutAnswers() throws Exception {
        String hr = unique("hr");
        String admin = bearer(hr, "EMPLOYEE", "ADMIN");
        String lea = unique("lea");
        String leaToken = bearer(lea, "EMPLOYEE", "LEADER");
        String cycleId = releasedCycle(lea);
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leaToken))
                        .andExpect(status().isOk()));
        Instant start = Instant.now().minusSeconds(1);

        // the subject reading her own profile is not an administrator action
        mvc.perform(get("/api/profiles/{id}", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, leaToken))
                .andExpect(status().isOk());
        assertThat(entries("targetId=" + lea, admin)).isEmpty();

        mvc.perform(get("/api/profiles/{id}", lea).param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk());
        mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, leaToken))
                .andExpect(status().isOk());
        mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk());
        // refused or unknown: nothing was read, nothing is recorded
        mvc.perform(get("/api/profiles/{id}", lea)
                        .param("cycleId", "no-such-cycle")
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("eve"), "EMPLOYEE")))
                .andExpect(status().isForbidden());

        List<JsonNode> aboutLea = entries("targetId=" + lea, admin);
        assertThat(aboutLea)
                .extracting(e ->
                        e.get("action").asString() + " by " + e.get("actorId").asString())
                .containsExactlyInAnyOrder(
                        "PROFILE_VIEWED by " + hr, "REPORT_EXPORTED by " + lea, "REPORT_EXPORTED by " + hr);
        for (JsonNode entry : aboutLea) {
            assertThat(entry.get("targetType").asString()).isEqualTo("PROFILE");
            assertThat(entry.get("details").propertyNames()).containsExactly("cycleId");
            assertThat(entry.get("details").get("cycleId").asString()).isEqualTo(cycleId);
            assertThat(entry.get("id").asString()).isNotBlank();
            assertThat(Instant.parse(entry.get("at").asString())).isAfter(start);
        }
        assertNewestFirst(aboutLea);

        // Filters
        assertThat(entries("targetId=" + lea + "&action=REPORT_EXPORTED", admin))
                .hasSize(2);
        assertThat(entries("targetId=" + lea + "&actorId=" + lea, admin))
                .extracting(e -> e.get("action").asString())
                .containsExactly("REPORT_EXPORTED");
        assertThat(entries("targetId=" + lea + "&limit=1", admin)).hasSize(1);
        assertThat(entries("targetId=" + lea + "&from=" + start, admin)).hasSize(3);
        assertThat(entries("targetId=" + lea + "&to=" + start, admin)).isEmpty();
        assertThat(entries("targetId=" + lea + "&from=" + Instant.now().plusSeconds(60), admin))
                .isEmpty();
        // operators in a filter value are plain text, never a query
        mvc.perform(get("/api/audit/reports")
                        .param("targetId", "{\"$ne\":null}")
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        assertThat(entries("actorId[$ne]=x&targetId=" + lea, admin)).hasSize(3);

        // A rebuild
        String rebuildId = json.readTree(
                        mvc.perform(post("/api/admin/profiles/rebuild").header(HttpHeaders.AUTHORIZATION, admin))
                                .andExpect(status().isAccepted())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .get("rebuildId")
                .asString();
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/admin/profiles/rebuild/{id}", rebuildId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(jsonPath("$.status").value("DONE")));
        assertThat(entries("action=PROFILES_REBUILT&actorId=" + hr, admin))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("targetType").asString()).isEqualTo("PROFILES");
                    assertThat(e.get("targetId").asString()).isEqualTo(rebuildId);
                });

        // Never a score or a comment in the stored entries
        var stored = new ArrayList<Document>();
        mongo.getCollection("audit_log").find(Filters.in("actorId", hr, lea)).forEach(stored::add);
        assertThat(stored).hasSize(4);
        for (Document doc : stored) {
            assertThat(doc.keySet())
                    .containsExactlyInAnyOrder("_id", "at", "actorId", "action", "targetType", "targetId", "details");
            assertThat(doc.toJson())
                    .doesNotContain(COMMENT)
                    .doesNotContain("\"t1\"")
                    .doesNotContain("leadingIndex")
                    .doesNotContain("others");
        }
    }

    @Test
    void onlyAdministratorsReadTheLogAndNobodyChangesIt() throws Exception {
        mvc.perform(get("/api/audit/reports")
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("lea"), "EMPLOYEE", "LEADER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/reports")).andExpect(status().isUnauthorized());
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        mvc.perform(get("/api/audit/reports").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(100)));
        mvc.perform(delete("/api/audit/reports").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(put("/api/audit/reports")
                        .header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/api/audit/reports")
                        .header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void badParametersAreA400NamingEachOne() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        query("action=ERASE_EVERYTHING&from=yesterday&to=soon&limit=lots", admin)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("action", "from", "to", "limit")));
        for (String bad : List.of(
                "limit=0",
                "limit=1001",
                "limit=-1",
                "limit=1e3",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "from=2026-01-01",
                "action=profile_viewed")) {
            query(bad, admin)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        query("limit=1000", admin).andExpect(status().isOk());
    }

    private String releasedCycle(String subjectId) {
        String cycleId = unique("cycle");
        publish(cycleOpened(cycleId, 3, Map.of(subjectId, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3))));
        publish(submission(cycleId, subjectId, SELF, Map.of("t1", 5), Map.of()));
        publish(submission(cycleId, subjectId, MANAGER, Map.of("t1", 3), Map.of("start", COMMENT)));
        publish(submission(cycleId, subjectId, DIRECT_REPORT, Map.of("t1", 2), Map.of("start", COMMENT)));
        publish(submission(cycleId, subjectId, DIRECT_REPORT, Map.of("t1", 4), Map.of()));
        publish(submission(cycleId, subjectId, DIRECT_REPORT, Map.of("t1", 3), Map.of()));
        publish(cycleClosed(cycleId, Map.of(subjectId, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3))));
        publish(resultsReleased(cycleId, List.of(subjectId)));
        return cycleId;
    }

    private static void assertNewestFirst(List<JsonNode> entries) {
        for (int i = 1; i < entries.size(); i++) {
            assertThat(Instant.parse(entries.get(i - 1).get("at").asString()))
                    .isAfterOrEqualTo(Instant.parse(entries.get(i).get("at").asString()));
        }
    }

    private ResultActions query(String query, String admin) throws Exception {
        return mvc.perform(get("/api/audit/reports?" + query).header(HttpHeaders.AUTHORIZATION, admin));
    }

    private List<JsonNode> entries(String query, String admin) throws Exception {
        JsonNode body = json.readTree(query(query, admin)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        return body.valueStream().toList();
    }
}
