package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.events.FeedbackEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * feedback-service cannot hand out keys for a while: the events that need them wait and are
 * retried with a growing pause, never dead-lettered (they are valid), and are applied once the
 * keys are back.
 */
class KeyEndpointOutageIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    ProfileAggregateStore aggregates;

    @Autowired
    CycleStore cycles;

    @Test
    void eventsWaitWhileTheKeysCannotBeFetchedAndAreAppliedOnceTheyCan() throws Exception {
        String lea = unique("lea");
        String cycleId = unique("cycle");
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        // sealed with keys analytics has never fetched
        List<FeedbackEvent> events = List.of(
                cycleOpened(cycleId, 3, Map.of(lea, Map.of(MANAGER, 1, DIRECT_REPORT, 3))),
                submission(cycleId, lea, MANAGER, Map.of("t1", 3), Map.of()),
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 4), Map.of()),
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 5), Map.of()),
                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 2), Map.of()),
                cycleClosed(cycleId, Map.of(lea, Map.of(MANAGER, 1, DIRECT_REPORT, 3))));
        FeedbackKeyEndpoint endpoint = FeedbackKeyEndpoint.get();
        int refusedBefore = endpoint.refused();

        endpoint.unavailable(true);
        try {
            events.forEach(this::publish);
            // more attempts than any other failure gets before it is dead-lettered (3)
            await().atMost(PATIENCE).until(() -> endpoint.refused() >= refusedBefore + 6);
            assertThat(aggregates.find(cycleId, lea)).isEqualTo(ProfileAggregate.EMPTY);
            assertThat(cycles.find(cycleId)).isEmpty();
        } finally {
            endpoint.unavailable(false);
        }

        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.responses.DIRECT_REPORT").value(3))
                        .andExpect(jsonPath("$.competencies[0].byRelationship.DIRECT_REPORT.n")
                                .value(3)));
        assertThat(deadLetters(FEEDBACK_DLT, lea)).isEmpty();
        assertThat(deadLetters(CYCLE_DLT, cycleId)).isEmpty();
    }
}
