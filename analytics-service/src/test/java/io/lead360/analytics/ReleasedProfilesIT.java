package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.Relationship;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Released profiles are kept in memory once computed: what changes one (a later release, an
 * erasure, a rebuild) is served at once instead of the kept view, and who may see a profile is
 * decided on every call, whatever is kept.
 */
class ReleasedProfilesIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Map<Relationship, Integer> LEAS_RATERS = Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ActiveCollections collections;

    @Test
    void aLaterReleaseIsInTheTrendOfTheEarlierProfileOnceItsResponsesAreAllApplied() throws Exception {
        String lea = unique("lea");
        String spring = unique("cycle");
        String autumn = unique("cycle");
        String own = bearer(lea, "EMPLOYEE", "LEADER");
        publishReleasedCycle(spring, lea);
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(profile(lea, spring, own))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.trend.length()").value(1)));

        // Released before its responses are applied (they travel on another topic): not in the trend yet...
        publish(cycleOpened(autumn, 3, Map.of(lea, LEAS_RATERS)));
        publish(cycleClosed(autumn, Map.of(lea, LEAS_RATERS)));
        awaitConsumed(publish(resultsReleased(autumn, List.of(lea))), PATIENCE);
        mvc.perform(profile(lea, spring, own))
                .andExpect(jsonPath("$.trend.length()").value(1));

        // ...and once they are, the spring profile read before does not stand in for the new one.
        leasResponses(autumn, lea).forEach(this::publish);
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(profile(lea, spring, own))
                        .andExpect(jsonPath("$.trend.length()").value(2))
                        .andExpect(jsonPath("$.trend[1].cycleId").value(autumn)));
    }

    @Test
    void afterARebuildTheRebuiltProfileIsServedNotTheOneReadBefore() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String lea = unique("lea");
        String cycleId = unique("cycle");
        String own = bearer(lea, "EMPLOYEE", "LEADER");
        awaitConsumed(publishReleasedCycle(cycleId, lea), PATIENCE);
        String aggregates = collections.active().aggregates();
        // A store that went wrong before anyone read it (the manager's t1: 3 becomes 5); a rebuild repairs it.
        mongo.getCollection(aggregates)
                .updateOne(Filters.eq("_id", cycleId + ":" + lea), Updates.inc("groups.MANAGER.items.t1.sum", 2));
        JsonNode wrong = read(lea, cycleId, own);
        assertThat(managersTrust(wrong)).isEqualTo(3.0);
        assertThat(read(lea, cycleId, own)).isEqualTo(wrong);

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

        JsonNode rebuilt = read(lea, cycleId, own);
        assertThat(managersTrust(rebuilt)).isEqualTo(2.33);
        assertThat(read(lea, cycleId, admin)).isEqualTo(rebuilt);
    }

    @Test
    void anErasedSubjectsProfileIsGoneAtOnceAndTheOthersStay() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String lea = unique("lea");
        String max = unique("max");
        String cycleId = unique("cycle");
        publishReleasedCycle(cycleId, lea, max);
        String own = bearer(lea, "EMPLOYEE", "LEADER");
        await().atMost(PATIENCE).untilAsserted(() -> {
            mvc.perform(profile(lea, cycleId, own)).andExpect(status().isOk());
            mvc.perform(profile(max, cycleId, admin)).andExpect(status().isOk());
        });
        JsonNode maxBefore = read(max, cycleId, admin);
        read(lea, cycleId, admin);
        long changes = collections.served().changes();

        FeedbackKeyEndpoint.get().erase(lea);
        publish(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), lea));

        await().atMost(PATIENCE).untilAsserted(() -> {
            mvc.perform(profile(lea, cycleId, own)).andExpect(status().isNotFound());
            mvc.perform(profile(lea, cycleId, admin)).andExpect(status().isNotFound());
            mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                            .param("cycleId", cycleId)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
        });
        assertThat(collections.served().changes()).isGreaterThan(changes);
        assertThat(read(max, cycleId, admin)).isEqualTo(maxBefore);
    }

    @Test
    void whatAnAdministratorWasShownIsNeverShownToAViewerWhoMaySeeLess() throws Exception {
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String lea = unique("lea");
        String max = unique("max");
        String cycleId = unique("cycle");
        String own = bearer(lea, "EMPLOYEE", "LEADER");
        publish(cycleOpened(cycleId, 3, Map.of(lea, LEAS_RATERS, max, Map.of(MANAGER, 1))));
        leasResponses(cycleId, lea).forEach(this::publish);
        publish(submission(cycleId, max, MANAGER, Map.of("t1", 4), Map.of()));
        publish(cycleClosed(cycleId, Map.of(lea, LEAS_RATERS, max, Map.of(MANAGER, 1))));

        // Closed, not released: the administrator sees it, the subject does not, however often it was read.
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(profile(lea, cycleId, admin)).andExpect(status().isOk()));
        read(lea, cycleId, admin);
        mvc.perform(profile(lea, cycleId, own)).andExpect(status().isNotFound());
        mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, own))
                .andExpect(status().isNotFound());

        awaitConsumed(publish(resultsReleased(cycleId, List.of(lea, max))), PATIENCE);
        JsonNode shown = read(lea, cycleId, admin);
        assertThat(read(lea, cycleId, own)).isEqualTo(shown);
        // Read and kept, and still only the subject's and the administrators': not another subject's of the cycle, not
        // a stranger's.
        for (String other : List.of(bearer(max, "EMPLOYEE", "LEADER"), bearer(unique("eve"), "EMPLOYEE"))) {
            mvc.perform(profile(lea, cycleId, other)).andExpect(status().isForbidden());
            mvc.perform(get("/api/profiles/{id}", lea).header(HttpHeaders.AUTHORIZATION, other))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                            .param("cycleId", cycleId)
                            .header(HttpHeaders.AUTHORIZATION, other))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/profiles/{id}", lea).param("cycleId", cycleId)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, own))
                .andExpect(status().isOk());
    }

    /** Lea's five responses; the manager's TRUST mean is (3 + 2 + (6 − 4)) / 3 = 2.33 (t3 reversed). */
    private static List<FeedbackSubmitted> leasResponses(String cycleId, String lea) {
        return List.of(
                submission(cycleId, lea, SELF, Map.of("t1", 5, "v1", 4), Map.of("start", "self idea")),
                submission(cycleId, lea, MANAGER, Map.of("t1", 3, "t2", 2, "t3", 4), Map.of("stop", "manager view")),
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 2, "v1", 5), Map.of("start", "report idea")),
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 4, "v1", 2), Map.of()),
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 3, "v1", 3), Map.of()));
    }

    /** @return the last response published (the release travels on the other topic) */
    private RecordMetadata publishReleasedCycle(String cycleId, String lea, String... others) {
        var invited = new HashMap<String, Map<Relationship, Integer>>();
        invited.put(lea, LEAS_RATERS);
        for (String other : others) {
            invited.put(other, Map.of(MANAGER, 1));
        }
        publish(cycleOpened(cycleId, 3, invited));
        RecordMetadata last = null;
        for (FeedbackSubmitted response : leasResponses(cycleId, lea)) {
            last = publish(response);
        }
        for (String other : others) {
            last = publish(submission(cycleId, other, MANAGER, Map.of("t1", 4), Map.of()));
        }
        publish(cycleClosed(cycleId, invited));
        awaitConsumed(publish(resultsReleased(cycleId, invited.keySet())), PATIENCE);
        return last;
    }

    private static RequestBuilder profile(String subjectId, String cycleId, String authorization) {
        return get("/api/profiles/{id}", subjectId)
                .param("cycleId", cycleId)
                .header(HttpHeaders.AUTHORIZATION, authorization);
    }

    private JsonNode read(String subjectId, String cycleId, String authorization) throws Exception {
        return json.readTree(mvc.perform(profile(subjectId, cycleId, authorization))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static double managersTrust(JsonNode profile) {
        for (JsonNode competency : profile.get("competencies")) {
            if ("TRUST".equals(competency.get("key").asString())) {
                return competency
                        .get("byRelationship")
                        .get("MANAGER")
                        .get("mean")
                        .asDouble();
            }
        }
        throw new AssertionError("no TRUST in " + profile);
    }
}
