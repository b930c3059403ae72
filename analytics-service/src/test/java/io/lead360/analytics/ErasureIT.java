package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.model.Filters;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.PersonErased;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * An administrator erased a person: feedback-service destroys their key and publishes PersonErased.
 * Every profile about them goes, in every cycle, for good – a late event about them does not bring
 * anything back, nor does a rebuild that replays the submissions before the erasure (their key is
 * gone: nothing of them opens). Other subjects keep their profiles unchanged.
 */
class ErasureIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ActiveCollections collections;

    @Test
    void anErasedSubjectsProfilesAreGoneInEveryCycleAndStayGoneThroughARebuild() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String lea = unique("lea");
        String max = unique("max");
        String first = unique("cycle");
        String second = unique("cycle");
        for (String cycleId : List.of(first, second)) {
            releasedCycleWith(cycleId, lea, max);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.trend.length()").value(2));
            mvc.perform(get("/api/profiles/{id}", max)
                            .param("cycleId", second)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isOk());
        });
        JsonNode maxBefore = profile(max, second, admin);
        assertThat(heatmapSubjects(first, admin)).contains(lea, max);

        // Sealed before the erasure, published after it: a redelivery, a replayed outbox.
        var lateSubmission = submission(first, lea, DIRECT_REPORT, Map.of("t1", 1), Map.of("start", "late"));
        String third = unique("cycle");
        var lateCycle = cycleOpened(third, 3, Map.of(lea, Map.of(SELF, 1), max, Map.of(SELF, 1)));

        FeedbackKeyEndpoint.get().erase(lea);
        publish(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), lea));
        // A submission about her after the erasure must not bring her back.
        RecordMetadata late = publish(lateSubmission);
        // A cycle event naming her, arriving late on the other topic, must not either.
        publish(lateCycle);

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String cycleId : List.of(first, second)) {
                mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isNotFound())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
            // max is still a subject of the third cycle, lea is not (an open cycle answers 409 for its subjects)
            mvc.perform(get("/api/profiles/{id}", max).param("cycleId", third).header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isConflict());
            mvc.perform(get("/api/profiles/{id}", lea).param("cycleId", third).header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
        });
        awaitConsumed(late, PATIENCE);
        assertGone(lea, admin, first, second, third);
        assertThat(mongo.getCollection("erased_subjects").countDocuments(Filters.eq("_id", lea)))
                .isOne();
        assertThat(profile(max, second, admin)).isEqualTo(maxBefore);
        assertThat(heatmapSubjects(first, admin)).containsExactly(max);

        // A rebuild replays her submissions, then the erasure: the end state has nothing about her either.
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
        assertThat(collections.active()).isEqualTo(CollectionSet.forRebuild(rebuildId));
        assertGone(lea, admin, first, second, third);
        assertThat(profile(max, second, admin)).isEqualTo(maxBefore);
        assertThat(heatmapSubjects(first, admin)).containsExactly(max);
    }

    /**
     * feedback-service answers "erased" for a subject before its PersonErased has arrived (the
     * erasure travels on another partition): nothing about them is applied, and the erasure is
     * remembered like one that came as an event.
     */
    @Test
    void aSubjectTheKeyEndpointCallsErasedIsSkippedAndRemembered() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String zoe = unique("zoe");
        String ben = unique("ben");
        String cycleId = unique("cycle");
        var opened = cycleOpened(cycleId, 3, Map.of(zoe, Map.of(MANAGER, 1), ben, Map.of(MANAGER, 1)));
        var zoeRated = submission(cycleId, zoe, MANAGER, Map.of("t1", 2), Map.of("stop", "zoe's manager"));
        var benRated = submission(cycleId, ben, MANAGER, Map.of("t1", 4), Map.of());
        var closed = cycleClosed(cycleId, Map.of(zoe, Map.of(MANAGER, 1), ben, Map.of(MANAGER, 1)));
        // analytics has never asked for zoe's key: the first answer it gets is "erased"
        FeedbackKeyEndpoint.get().erase(zoe);

        publish(opened);
        RecordMetadata zoeRecord = publish(zoeRated);
        publish(benRated);
        RecordMetadata last = publish(closed);
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", ben)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk()));
        awaitConsumed(last, PATIENCE);
        awaitConsumed(zoeRecord, PATIENCE);

        mvc.perform(get("/api/profiles/{id}", zoe).param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        assertGone(zoe, admin, cycleId);
        assertThat(mongo.getCollection("erased_subjects").countDocuments(Filters.eq("_id", zoe)))
                .isOne();
        assertThat(heatmapSubjects(cycleId, admin)).containsExactly(ben);
    }

    @Test
    void anErasureOfSomeoneWithoutDataAndARepeatedErasureChangeNothing() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String ana = unique("ana");
        String cycleId = unique("cycle");
        releasedCycleWith(cycleId, ana, unique("nobody-rated"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", ana)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk()));
        JsonNode before = profile(ana, cycleId, admin);

        var erasure = new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), unique("stranger"));
        publish(erasure);
        RecordMetadata again = publish(erasure);
        awaitConsumed(again, PATIENCE);

        assertThat(profile(ana, cycleId, admin)).isEqualTo(before);
    }

    private void releasedCycleWith(String cycleId, String subject, String other) {
        publish(cycleOpened(
                cycleId, 3, Map.of(subject, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3), other, Map.of(MANAGER, 1))));
        publish(submission(cycleId, subject, SELF, Map.of("t1", 5, "v1", 4), Map.of("start", "self idea")));
        publish(submission(cycleId, subject, MANAGER, Map.of("t1", 3, "v1", 3), Map.of("stop", "manager view")));
        publish(submission(cycleId, subject, DIRECT_REPORT, Map.of("t1", 2, "v1", 5), Map.of("start", "report idea")));
        publish(submission(cycleId, subject, DIRECT_REPORT, Map.of("t1", 4, "v1", 2), Map.of()));
        publish(submission(cycleId, subject, DIRECT_REPORT, Map.of("t1", 3, "v1", 3), Map.of()));
        publish(submission(cycleId, other, MANAGER, Map.of("t1", 4, "v1", 4), Map.of("continue", "keep going")));
        publish(cycleClosed(
                cycleId, Map.of(subject, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3), other, Map.of(MANAGER, 1))));
        publish(resultsReleased(cycleId, List.of(subject, other)));
    }

    /** Through the API and in the raw collections of the active set. */
    private void assertGone(String personId, String admin, String... cycleIds) throws Exception {
        mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, bearer(personId, "EMPLOYEE", "LEADER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/profiles/{id}", personId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/profiles/{id}/report.pdf", personId)
                        .param("cycleId", cycleIds[0])
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        CollectionSet active = collections.active();
        assertThat(mongo.getCollection(active.aggregates()).countDocuments(Filters.eq("subjectId", personId)))
                .isZero();
        assertThat(mongo.getCollection(active.cycles())
                        .countDocuments(Filters.or(
                                Filters.eq("subjectIds", personId),
                                Filters.eq("invitations.subjectId", personId),
                                Filters.eq("tallies.subjectId", personId))))
                .isZero();
        for (String cycleId : cycleIds) {
            assertThat(mongo.getCollection(active.cycles()).countDocuments(Filters.eq("_id", cycleId)))
                    .as(cycleId)
                    .isOne();
        }
    }

    private List<String> heatmapSubjects(String cycleId, String admin) throws Exception {
        JsonNode heatmap = json.readTree(mvc.perform(get("/api/organisation/heatmap")
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        return heatmap.get("subjects")
                .valueStream()
                .map(s -> s.get("subjectId").asString())
                .toList();
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
