package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Nominations, rater burden across cycles, remind now, response rates, the end of a cycle's life. */
class CycleDepthIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    /** ceo ← {mo, pat}; mo ← {lea, sam}; plus kim, an outsider without a manager. */
    private Map<String, String> org() throws Exception {
        return importAndGetIds(List.of(
                person(email("ceo"), "Ceo", null),
                person(email("mo"), "Mo", email("ceo")),
                person(email("pat"), "Pat", email("ceo")),
                person(email("lea"), "Lea", email("mo")),
                person(email("sam"), "Sam", email("mo")),
                person(email("kim"), "Kim", null)));
    }

    private String draftCycle(List<String> subjects) throws Exception {
        return body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of("name", "Depth " + tag, "templateId", "leadership-360", "subjectIds", subjects))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
    }

    @Test
    void subjectsNominateForThemselvesAdministratorsDecideAndApprovedNomineesAreAskedAtOpen() throws Exception {
        Map<String, String> id = org();
        String cycle = draftCycle(List.of(id.get("mo")));
        String nominations = "/api/cycles/" + cycle + "/nominations";

        String byMo = body(postAs(
                                personToken(id.get("mo")),
                                nominations,
                                Map.of("subjectId", id.get("mo"), "raterId", id.get("kim"), "relationship", "OTHER"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("PROPOSED")))
                .get("id")
                .asString();
        String byAdmin = body(postAs(
                                adminToken(),
                                nominations,
                                Map.of("subjectId", id.get("mo"), "raterId", id.get("ceo"), "relationship", "PEER"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(
                        personToken(id.get("lea")),
                        nominations,
                        Map.of("subjectId", id.get("mo"), "raterId", id.get("kim"), "relationship", "OTHER"))
                .andExpect(status().isForbidden());
        postAs(
                        personToken(id.get("mo")),
                        nominations,
                        Map.of("subjectId", id.get("mo"), "raterId", id.get("kim"), "relationship", "PEER"))
                .andExpect(status().isConflict());
        postAs(
                        adminToken(),
                        nominations,
                        Map.of("subjectId", id.get("lea"), "raterId", "ghost-" + tag, "relationship", "MANAGER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(3));

        getAs(personToken(id.get("mo")), nominations)
                .andExpect(jsonPath("$.length()").value(2));
        getAs(personToken(id.get("lea")), nominations).andExpect(status().isNotFound());
        postAs(personToken(id.get("mo")), nominations + "/" + byMo + "/approve", null)
                .andExpect(status().isForbidden());
        postAs(adminToken(), nominations + "/" + byMo + "/approve", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        postAs(adminToken(), nominations + "/" + byMo + "/reject", null).andExpect(status().isConflict());
        postAs(adminToken(), nominations + "/" + byAdmin + "/reject", null)
                .andExpect(jsonPath("$.status").value("REJECTED"));

        String approvedByAdmin = body(postAs(
                                adminToken(),
                                nominations,
                                Map.of("subjectId", id.get("mo"), "raterId", id.get("pat"), "relationship", "OTHER"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(adminToken(), nominations + "/" + approvedByAdmin + "/approve", null)
                .andExpect(status().isOk());

        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        assertThat(requestsOf(id.get("kim")))
                .extracting(r -> r.get("relationship").asString())
                .containsExactly("OTHER");
        // the subject's profile will say how many of a group an administrator chose (pat, not kim)
        var opened = consume(
                        io.lead360.events.Topics.CYCLE_EVENTS,
                        "\"cycleId\":\"" + cycle + "\"",
                        1,
                        java.time.Duration.ZERO)
                .get(0);
        JsonNode invitations = sealedPartOf(opened, id.get("mo"));
        assertThat(invitations.at("/invited/OTHER").asInt()).isEqualTo(2);
        assertThat(invitations.at("/nominatedByAdministrator/OTHER").asInt()).isEqualTo(1);
        assertThat(requestsOf(id.get("ceo")))
                .extracting(r -> r.get("relationship").asString())
                .containsExactly("MANAGER");
        postAs(
                        adminToken(),
                        nominations,
                        Map.of("subjectId", id.get("mo"), "raterId", id.get("lea"), "relationship", "PEER"))
                .andExpect(status().isConflict());
    }

    @Test
    void nobodyGetsMoreThanTwelveOpenRequestsAcrossCyclesButSelfAndManagerStay() throws Exception {
        // boss ← p0..p13: every p has 13 peer candidates
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(person(email("boss"), "Boss", null));
        IntStream.range(0, 14).forEach(i -> rows.add(person(email("p" + i), "P" + i, email("boss"))));
        Map<String, String> id = importAndGetIds(rows);
        List<String> team =
                IntStream.range(0, 14).mapToObj(i -> id.get("p" + i)).toList();

        String first = draftCycle(team);
        postAs(adminToken(), "/api/cycles/" + first + "/open", null).andExpect(status().isOk());
        String second = draftCycle(team);
        postAs(adminToken(), "/api/cycles/" + second + "/open", null).andExpect(status().isOk());

        for (String p : team) {
            List<JsonNode> mine = requestsOf(p);
            long open = mine.stream()
                    .filter(r -> r.get("status").asString().equals("PENDING"))
                    .count();
            assertThat(mine.stream()
                            .filter(r -> r.get("relationship").asString().equals("PEER"))
                            .count())
                    .as("peer requests of %s", p)
                    .isLessThanOrEqualTo(11);
            assertThat(mine)
                    .filteredOn(r -> r.get("relationship").asString().equals("SELF"))
                    .hasSize(2);
            assertThat(open).isLessThanOrEqualTo(13); // 12 in the first cycle + SELF of the second, never dropped
        }
        JsonNode progress = body(getAs(adminToken(), "/api/cycles/" + second + "/progress"));
        for (JsonNode subject : progress.get("subjects")) {
            assertThat(subject.at("/relationships/MANAGER/invited").asInt()).isEqualTo(1);
            assertThat(subject.at("/relationships/PEER").isMissingNode()).isTrue(); // everyone is full
        }
        // 14 raters with room for 11 peer requests each: all 154 slots are used, shared out round robin
        JsonNode firstProgress = body(getAs(adminToken(), "/api/cycles/" + first + "/progress"));
        int peers = 0;
        for (JsonNode subject : firstProgress.get("subjects")) {
            assertThat(subject.at("/relationships/PEER/invited").asInt()).isBetween(9, 13);
            peers += subject.at("/relationships/PEER/invited").asInt();
        }
        assertThat(peers).isEqualTo(14 * 11);
    }

    @Test
    void progressCarriesResponseRatesAndRemindNowCountsPendingRequestsOfAnOpenCycleOnly() throws Exception {
        Map<String, String> id = org();
        String cycle = draftCycle(List.of(id.get("mo")));
        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null).andExpect(status().isConflict());
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        String lea = requestsOf(id.get("lea")).get(0).get("id").asString();
        postAs(
                        personToken(id.get("lea")),
                        "/api/feedback-requests/" + lea + "/response",
                        Map.of("ratings", Map.of("trust-1", 5)))
                .andExpect(status().isCreated());

        // two direct reports are fewer than the threshold (3): their group shows how many were asked, nothing more
        getAs(adminToken(), "/api/cycles/" + cycle + "/progress")
                .andExpect(jsonPath("$.subjects[0].relationships.DIRECT_REPORT.invited")
                        .value(2))
                .andExpect(jsonPath("$.subjects[0].relationships.DIRECT_REPORT.responseRate")
                        .doesNotExist())
                .andExpect(jsonPath("$.subjects[0].relationships.SELF.responseRate")
                        .value(0.0));
        // SELF, MANAGER, PEER and sam's DIRECT_REPORT are pending
        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded").value(4));
        assertThat(mongo.findById(lea, org.bson.Document.class, "feedback_requests")
                        .toJson())
                .doesNotContain("ReminderDue");
        postAs(personToken(id.get("mo")), "/api/cycles/" + cycle + "/remind", null)
                .andExpect(status().isForbidden());
    }

    @Test
    void aReleasedCycleNeverReopens() throws Exception {
        Map<String, String> id = org();
        String cycle = draftCycle(List.of(id.get("mo")));
        for (String step : List.of("open", "close", "release")) {
            postAs(adminToken(), "/api/cycles/" + cycle + "/" + step, null).andExpect(status().isOk());
        }
        for (String step : List.of("open", "close", "release")) {
            postAs(adminToken(), "/api/cycles/" + cycle + "/" + step, null).andExpect(status().isConflict());
        }
        getAs(adminToken(), "/api/cycles/" + cycle)
                .andExpect(jsonPath("$.status").value("RELEASED"));
        assertThat(mongo.count(Query.query(where("cycleId").is(cycle)), "feedback_requests"))
                .isEqualTo(5);
    }

    @Test
    void allLeadersTakesEveryoneWithDirectReports() throws Exception {
        Map<String, String> id = org();
        JsonNode cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of("name", "All " + tag, "templateId", "leadership-360", "allLeaders", true))
                .andExpect(status().isCreated()));
        List<String> subjects = new ArrayList<>();
        cycle.get("subjectIds").forEach(s -> subjects.add(s.asString()));
        assertThat(subjects)
                .contains(id.get("ceo"), id.get("mo"))
                .doesNotContain(id.get("lea"), id.get("pat"), id.get("kim"));
        Map<String, Object> missing = new HashMap<>(Map.of("name", "x", "templateId", "leadership-360"));
        postAs(adminToken(), "/api/cycles", missing)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("subjectIds")));
    }
}
