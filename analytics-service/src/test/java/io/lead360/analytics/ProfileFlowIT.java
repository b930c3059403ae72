package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Events in through real Kafka, profiles out through the API, with release gating and access rules. */
class ProfileFlowIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void profileAppearsForTheSubjectOnlyAfterReleaseWithTheRightNumbers() throws Exception {
        String cycleId = unique("cycle");
        String lea = unique("lea");
        String admin = unique("admin");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(SELF, 1, MANAGER, 1, PEER, 2, DIRECT_REPORT, 3))));

        // The worked example of ProfileCalculatorTest; one direct report's event is delivered twice.
        FeedbackSubmitted reportA = rate(cycleId, lea, DIRECT_REPORT, 3, 2, 1, 5, 4, Map.of("start", "b idea"));
        List.of(
                        rate(cycleId, lea, SELF, 5, 4, 1, 2, 2, Map.of()),
                        rate(cycleId, lea, MANAGER, 4, 3, 2, 4, null, Map.of("stop", "manager stop")),
                        reportA,
                        rate(cycleId, lea, DIRECT_REPORT, 4, 3, 2, 5, 5, Map.of("start", "A idea")),
                        rate(
                                cycleId,
                                lea,
                                DIRECT_REPORT,
                                5,
                                null,
                                3,
                                4,
                                5,
                                Map.of("start", "c idea", "continue", "keep it up")),
                        rate(cycleId, lea, PEER, 1, 1, 5, 1, 1, Map.of("start", "peer secret")),
                        rate(cycleId, lea, PEER, 1, 1, 5, 1, 1, Map.of()),
                        reportA)
                .forEach(this::publish);

        // Open: the administrator is told to wait, the subject learns nothing.
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, bearer(admin, "EMPLOYEE", "ADMIN")))
                        .andExpect(status().isConflict())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        mvc.perform(get("/api/profiles/{id}", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // The peers' answers had been published before the close (feedback-service flushes in batches):
        // the close counts them as published although the group ended below the threshold.
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(SELF, 1, MANAGER, 1, PEER, 2, DIRECT_REPORT, 3))));

        // Closed: the administrator sees it once every submission is in; the duplicate counted once.
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .header(HttpHeaders.AUTHORIZATION, bearer(admin, "EMPLOYEE", "ADMIN")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.cycleId").value(cycleId))
                        .andExpect(jsonPath("$.responses.DIRECT_REPORT").value(3))
                        // two peers invited: fewer than the threshold, so not even their count is shown
                        .andExpect(jsonPath("$.responses.PEER").value(nullValue()))
                        .andExpect(jsonPath("$.responses.SELF").value(1)));
        mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                .andExpect(status().isNotFound());

        publish(resultsReleased(cycleId, List.of(lea)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me")
                                .header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                        .andExpect(status().isOk()));
        mvc.perform(get("/api/profiles/{id}", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.subjectId").value(lea))
                .andExpect(jsonPath("$.cycleName").value("Cycle " + cycleId))
                .andExpect(jsonPath("$.anonymityThreshold").value(3))
                .andExpect(jsonPath("$.competencies[0].key").value("TRUST"))
                .andExpect(jsonPath("$.competencies[0].self").value(4.67))
                .andExpect(jsonPath("$.competencies[0].others").value(3.64))
                .andExpect(jsonPath("$.competencies[0].byRelationship.MANAGER.mean")
                        .value(3.67))
                .andExpect(
                        jsonPath("$.competencies[0].byRelationship.MANAGER.n").value(1))
                .andExpect(jsonPath("$.competencies[0].byRelationship.DIRECT_REPORT.mean")
                        .value(3.63))
                .andExpect(jsonPath("$.competencies[0].byRelationship.DIRECT_REPORT.n")
                        .value(3))
                .andExpect(jsonPath("$.competencies[0].byRelationship.PEER").value(nullValue()))
                .andExpect(jsonPath("$.competencies[1].others").value(4.57))
                .andExpect(jsonPath("$.leadingIndex").value(75))
                .andExpect(jsonPath("$.blindSpots[0]").value("TRUST"))
                .andExpect(jsonPath("$.hiddenStrengths[0]").value("VISION"))
                .andExpect(jsonPath("$.comments.start").value(contains("A idea", "b idea", "c idea")))
                .andExpect(jsonPath("$.comments.stop").value(contains("manager stop")))
                .andExpect(jsonPath("$.comments.continue").value(contains("keep it up")));

        // Another leader may not look, released or not.
        mvc.perform(get("/api/profiles/{id}", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("max"), "EMPLOYEE", "LEADER")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownCycleOrSubjectIsNotFound() throws Exception {
        mvc.perform(get("/api/profiles/{id}", "nobody")
                        .param("cycleId", unique("cycle"))
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("admin"), "ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, bearer(unique("newcomer"), "EMPLOYEE")))
                .andExpect(status().isNotFound());
    }

    @Test
    void strangerIsForbiddenBeforeAnythingIsLookedUp() throws Exception {
        mvc.perform(get("/api/profiles/{id}", "someone")
                        .param("cycleId", "no-such-cycle")
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("max"), "EMPLOYEE", "LEADER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    private static FeedbackSubmitted rate(
            String cycleId,
            String subjectId,
            Relationship relationship,
            Integer t1,
            Integer t2,
            Integer t3,
            Integer v1,
            Integer v2,
            Map<String, String> comments) {
        var ratings = new HashMap<String, Integer>();
        ratings.put("t1", t1);
        ratings.put("t2", t2);
        ratings.put("t3", t3);
        ratings.put("v1", v1);
        ratings.put("v2", v2);
        return submission(cycleId, subjectId, relationship, ratings, comments);
    }
}
