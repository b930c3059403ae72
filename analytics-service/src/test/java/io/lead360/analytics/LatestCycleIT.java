package io.lead360.analytics;

import static io.lead360.events.Relationship.SELF;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.cycle.CycleStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/** Without a cycle id: the subject gets their latest released cycle, an admin the latest closed one. */
class LatestCycleIT extends AbstractIT {

    @Autowired
    CycleStore cycles;

    @Test
    void withoutCycleIdTheLatestVisibleCycleIsChosen() throws Exception {
        String lea = unique("lea");
        String older = unique("older");
        String newer = unique("newer");
        String stillClosed = unique("closed");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        cycle(older, lea, t0, t0.plusSeconds(10), true);
        cycle(newer, lea, t0.plusSeconds(100), t0.plusSeconds(110), true);
        cycle(stillClosed, lea, t0.plusSeconds(200), null, false);

        mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cycleId").value(newer));
        mvc.perform(get("/api/profiles/{id}", lea).header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cycleId").value(newer));
        mvc.perform(get("/api/profiles/{id}", lea).header(HttpHeaders.AUTHORIZATION, bearer(unique("hr"), "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cycleId").value(stillClosed))
                .andExpect(jsonPath("$.leadingIndex").doesNotExist());
    }

    private void cycle(String cycleId, String subjectId, Instant closedAt, Instant releasedAt, boolean release) {
        cycles.apply(new CycleChange.Opened(
                cycleOpened(cycleId, 3, Map.of(subjectId, Map.of(SELF, 1))),
                Map.of(subjectId, new Cycle.Invitations(Map.of(SELF, 1), Map.of()))));
        cycles.apply(new CycleChange.Closed(
                cycleClosed(cycleId, closedAt, Map.of(subjectId, Map.of()), Map.of()),
                Map.of(subjectId, new Cycle.Tally(Map.of(), Map.of()))));
        if (release) {
            cycles.apply(new CycleChange.Released(resultsReleased(cycleId, releasedAt, List.of(subjectId))));
        }
    }
}
