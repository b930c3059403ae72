package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Rules about the whole organisation, in a database of its own. */
class OrganisationIT extends IsolatedIT {

    /** boss ← r1..r9; boss and r9 can sign in. */
    private List<Map<String, Object>> tenPeople() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> boss = person(email("boss"), "Boss", null);
        boss.put("password", "boss-secret");
        rows.add(boss);
        IntStream.rangeClosed(1, 9).forEach(i -> rows.add(person(email("r" + i), "R" + i, email("boss"))));
        rows.get(9).put("password", "r9-secret");
        return rows;
    }

    private Map<String, Boolean> activeByName() throws Exception {
        Map<String, Boolean> active = new HashMap<>();
        for (JsonNode p : body(getAs(adminToken(), "/api/people"))) {
            active.put(p.get("name").asString(), p.get("active").asBoolean());
        }
        return active;
    }

    @Test
    void peopleMissingFromAnImportAreDeactivatedOnlyWhenAskedAndAbove40PercentOnlyWhenForced() throws Exception {
        postAs(adminToken(), "/api/people/import", tenPeople())
                .andExpect(jsonPath("$.created").value(10));
        List<Map<String, Object>> seven = tenPeople().subList(0, 7);
        List<Map<String, Object>> five = tenPeople().subList(0, 5);

        postAs(adminToken(), "/api/people/import", seven)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deactivated").value(0));
        assertThat(activeByName().values()).containsOnly(true);

        postAs(adminToken(), "/api/people/import?deactivateMissing=true&dryRun=true", seven)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deactivated").value(3))
                .andExpect(jsonPath("$.dryRun").value(true));
        assertThat(activeByName().values()).containsOnly(true);

        postAs(adminToken(), "/api/people/import?deactivateMissing=true", five)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postAs(adminToken(), "/api/people/import?deactivateMissing=true&dryRun=true", five)
                .andExpect(status().isConflict());
        assertThat(activeByName().values()).containsOnly(true);

        postAs(adminToken(), "/api/people/import?deactivateMissing=true&force=true", five)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deactivated").value(5))
                .andExpect(jsonPath("$.dryRun").value(false));
        Map<String, Boolean> active = activeByName();
        assertThat(active).containsEntry("R4", true).containsEntry("R5", false).containsEntry("R9", false);

        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("r9"), "password", "r9-secret"))
                .andExpect(status().isUnauthorized());
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("boss"), "password", "boss-secret"))
                .andExpect(status().isOk());

        // re-importing a deactivated person brings them back
        postAs(adminToken(), "/api/people/import", tenPeople())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(5));
        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("r9"), "password", "r9-secret"))
                .andExpect(status().isOk());
    }

    @Test
    void administratorsAreNeverDeactivatedByAnImport() throws Exception {
        List<Map<String, Object>> rows = tenPeople();
        Map<String, Object> admin = person(email("hr"), "HR", null);
        admin.put("roles", List.of("ADMIN"));
        List<Map<String, Object>> withAdmin = new ArrayList<>(rows);
        withAdmin.add(admin);
        postAs(adminToken(), "/api/people/import", withAdmin).andExpect(status().isOk());

        postAs(adminToken(), "/api/people/import?deactivateMissing=true", rows)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deactivated").value(0));
        assertThat(activeByName()).containsEntry("HR", true);
    }

    /** boss ← {m1, m2}; m1 ← {a, b}; m2 ← {c}. */
    private List<Map<String, Object>> org(String... without) {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                person(email("boss"), "Boss", null),
                person(email("m1"), "M1", email("boss")),
                person(email("m2"), "M2", email("boss")),
                person(email("a"), "A", email("m1")),
                person(email("b"), "B", email("m1")),
                person(email("c"), "C", email("m2"))));
        rows.removeIf(r -> List.of(without).contains(r.get("name")));
        return rows;
    }

    @Test
    void deactivatedPeopleGetNoRequestsAndAllLeadersMeansActivePeopleWithActiveReports() throws Exception {
        Map<String, String> id = importAndGetIds(org());
        postAs(adminToken(), "/api/people/import?deactivateMissing=true&force=true", org("B", "C"))
                .andExpect(jsonPath("$.deactivated").value(2));

        postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "x",
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(id.get("a"), id.get("b"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("subjectIds[1]")));

        JsonNode cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of("name", "All", "templateId", "leadership-360", "allLeaders", true))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allLeaders").value(true)));
        assertThat(StreamSupport.stream(cycle.get("subjectIds").spliterator(), false)
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder(id.get("boss"), id.get("m1"));
        postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "x",
                                "templateId",
                                "leadership-360",
                                "allLeaders",
                                true,
                                "subjectIds",
                                List.of(id.get("a"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("subjectIds")));

        postAs(adminToken(), "/api/cycles/" + cycle.get("id").asString() + "/open", null)
                .andExpect(status().isOk());
        assertThat(requestsOf(id.get("b"))).isEmpty();
        assertThat(requestsOf(id.get("c"))).isEmpty();
        assertThat(requestsOf(id.get("a")))
                .extracting(r -> r.get("relationship").asString())
                .containsExactlyInAnyOrder("DIRECT_REPORT");
        getAs(adminToken(), "/api/cycles/" + cycle.get("id").asString() + "/progress")
                .andExpect(jsonPath("$.subjects[?(@.subjectId=='" + id.get("m1")
                                + "')].relationships.DIRECT_REPORT.invited")
                        .value(hasItem(1)));
    }
}
