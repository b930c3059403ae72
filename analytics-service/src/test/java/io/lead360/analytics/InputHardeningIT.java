package io.lead360.analytics;

import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.cycle.CycleStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Issue 5, hardening: operator text in ids matches nothing; oversized bodies are refused. */
class InputHardeningIT extends AbstractIT {

    private static final List<String> OPERATORS = List.of("{\"$ne\":null}", "{\"$gt\":\"\"}", "[$ne]=x");

    @Autowired
    CycleStore cycles;

    @Test
    void operatorTextInSubjectOrCycleIdsFindsNoProfile() throws Exception {
        String lea = unique("lea");
        String cycle = unique("cycle");
        cycles.apply(new CycleChange.Opened(
                cycleOpened(cycle, 3, Map.of(lea, Map.of(SELF, 1))),
                Map.of(lea, new Cycle.Invitations(Map.of(SELF, 1), Map.of()))));
        cycles.apply(new CycleChange.Closed(
                cycleClosed(cycle, Map.of(lea, Map.of())), Map.of(lea, new Cycle.Tally(Map.of(), Map.of()))));
        cycles.apply(new CycleChange.Released(resultsReleased(cycle, List.of(lea))));
        String admin = bearer(unique("hr"), "ADMIN");
        mvc.perform(get("/api/profiles/{id}", lea).param("cycleId", cycle).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk());

        for (String operator : OPERATORS) {
            mvc.perform(get("/api/profiles/{id}", operator)
                            .param("cycleId", cycle)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/profiles/{id}", lea)
                            .param("cycleId", operator)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/profiles/{id}", operator).header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/profiles/{id}/report.pdf", operator)
                            .param("cycleId", cycle)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
            int heatmap = mvc.perform(get("/api/organisation/heatmap")
                            .param("cycleId", operator)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(heatmap).isIn(400, 404);
            mvc.perform(get("/api/admin/profiles/rebuild/{id}", operator).header(HttpHeaders.AUTHORIZATION, admin))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413ProblemJsonEvenBeforeAuthentication() throws Exception {
        String big = "{\"x\":\"" + "x".repeat(300 * 1024) + "\"}";
        mvc.perform(post("/api/admin/profiles/rebuild")
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("hr"), "ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
        mvc.perform(post("/api/profiles/me")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().isPayloadTooLarge());
    }
}
