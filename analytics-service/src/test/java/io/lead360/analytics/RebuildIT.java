package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackSubmitted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** Replaying the topics into fresh collections gives the same profiles as building them as events came. */
class RebuildIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    ActiveCollections collections;

    @Test
    void rebuiltProfilesEqualTheIncrementallyBuiltOnes() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String cycleId = unique("cycle");
        String lea = unique("lea");
        String max = unique("max");
        publish(cycleOpened(
                cycleId,
                3,
                Map.of(
                        lea,
                        Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3, PEER, 2),
                        max,
                        Map.of(MANAGER, 1, DIRECT_REPORT, 3))));
        FeedbackSubmitted redelivered =
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 2, "t3", 5, "v1", 4), Map.of("start", "zeta"));
        List.of(
                        submission(cycleId, lea, SELF, Map.of("t1", 5, "t2", 4, "v2", 1), Map.of()),
                        submission(
                                cycleId,
                                lea,
                                MANAGER,
                                Map.of("t1", 3, "t2", 2, "t3", 1),
                                Map.of("stop", "micromanaging")),
                        redelivered,
                        submission(
                                cycleId,
                                lea,
                                DIRECT_REPORT,
                                Map.of("t1", 4, "t2", 4, "v1", 3),
                                Map.of("start", "Alpha")),
                        submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 1, "v2", 5), Map.of()),
                        submission(cycleId, lea, PEER, Map.of("t1", 1), Map.of("start", "hidden")),
                        submission(cycleId, lea, PEER, Map.of("t1", 2), Map.of()),
                        submission(cycleId, max, MANAGER, Map.of("t1", 3, "v1", 3), Map.of()),
                        submission(cycleId, max, DIRECT_REPORT, Map.of("t1", 3, "v1", 3), Map.of()),
                        redelivered)
                .forEach(this::publish);
        // lea's two peers are below the threshold; their answers had been published before the close
        publish(cycleClosed(
                cycleId,
                Map.of(
                        lea,
                        Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3, PEER, 2),
                        max,
                        Map.of(MANAGER, 1, DIRECT_REPORT, 1))));
        publish(resultsReleased(cycleId, List.of(lea, max)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(
                                get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.cycleId").value(cycleId)));
        JsonNode leaBefore = profile(lea, cycleId, admin);
        JsonNode maxBefore = profile(max, cycleId, admin);
        JsonNode heatmapBefore = json.readTree(mvc.perform(get("/api/organisation/heatmap")
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andReturn()
                .getResponse()
                .getContentAsString());

        JsonNode started =
                json.readTree(mvc.perform(post("/api/admin/profiles/rebuild").header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.status").value("RUNNING"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        String rebuildId = started.get("rebuildId").asString();
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/admin/profiles/rebuild/{id}", rebuildId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("DONE")));

        assertThat(collections.active()).isEqualTo(CollectionSet.forRebuild(rebuildId));
        assertThat(profile(lea, cycleId, admin)).isEqualTo(leaBefore);
        assertThat(profile(max, cycleId, admin)).isEqualTo(maxBefore);
        assertThat(json.readTree(mvc.perform(get("/api/organisation/heatmap")
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .isEqualTo(heatmapBefore);
        assertThat(leaBefore.get("responses").get("DIRECT_REPORT").asInt()).isEqualTo(3);

        // Live events keep arriving in the new collections.
        String later = unique("cycle");
        publish(cycleOpened(later, 3, Map.of(lea, Map.of(MANAGER, 1))));
        publish(submission(later, lea, MANAGER, Map.of("t1", 4), Map.of()));
        publish(cycleClosed(later, Map.of(lea, Map.of(MANAGER, 1))));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", later)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.competencies[0].others").value(4.0)));
        mvc.perform(get("/api/admin/profiles/rebuild/{id}", "nope").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/profiles/rebuild")
                        .header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                .andExpect(status().isForbidden());
    }

    /** A rebuild opens every event again: while the keys cannot be fetched it waits, neither failing nor skipping. */
    @Test
    void aRebuildWaitsOutAShortOutageOfTheKeyEndpoint() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String cycleId = unique("cycle");
        String lea = unique("lea");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(MANAGER, 1))));
        publish(submission(cycleId, lea, MANAGER, Map.of("t1", 4), Map.of()));
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(MANAGER, 1))));
        // about a subject feedback-service does not know: never in memory, so the replay has to ask
        RecordMetadata stranger = publish(forgedSubmission(cycleId, unique("stranger"), "forged"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk()));
        awaitConsumed(stranger, PATIENCE);
        JsonNode before = profile(lea, cycleId, admin);
        FeedbackKeyEndpoint endpoint = FeedbackKeyEndpoint.get();

        String rebuildId;
        endpoint.unavailable(true);
        try {
            int refusedBefore = endpoint.refused();
            rebuildId = json.readTree(
                            mvc.perform(post("/api/admin/profiles/rebuild").header(HttpHeaders.AUTHORIZATION, admin))
                                    .andExpect(status().isAccepted())
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString())
                    .get("rebuildId")
                    .asString();
            await().atMost(PATIENCE).until(() -> endpoint.refused() >= refusedBefore + 2);
            mvc.perform(get("/api/admin/profiles/rebuild/{id}", rebuildId).header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(jsonPath("$.status").value("RUNNING"));
        } finally {
            endpoint.unavailable(false);
        }

        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/admin/profiles/rebuild/{id}", rebuildId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(jsonPath("$.status").value("DONE")));
        assertThat(collections.active()).isEqualTo(CollectionSet.forRebuild(rebuildId));
        assertThat(profile(lea, cycleId, admin)).isEqualTo(before);
    }

    private JsonNode profile(String subjectId, String cycleId, String admin) throws Exception {
        return json.readTree(mvc.perform(get("/api/profiles/{id}", subjectId)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
