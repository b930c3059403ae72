package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.OTHER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The close is a cut: CycleClosed says how many responses each group gave and how many of them
 * are published; the answers of an anonymous group that ended below the threshold are destroyed
 * instead. A profile is shown once exactly the published ones are in, and is the same ever after.
 */
class ProfileAtTheCloseIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aProfileIsShownExactlyWhenEveryPublishedResponseIsInAndNeverChangesAfter() throws Exception {
        String lea = unique("lea");
        String cycleId = unique("cycle");
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        publish(cycleOpened(
                cycleId,
                3,
                Map.of(lea, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3, PEER, 4, OTHER, 2)),
                Map.of(lea, Map.of(DIRECT_REPORT, 1, PEER, 2, OTHER, 1))));
        // 2 of 4 peers and both others answered: below the threshold, destroyed at the close, never published.
        // The close comes first: feedback-service flushes the answers it held back at it.
        RecordMetadata closed = publish(cycleClosed(
                cycleId,
                Map.of(lea, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3, PEER, 2, OTHER, 2)),
                Map.of(lea, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3, PEER, 0, OTHER, 0))));
        publish(submission(cycleId, lea, SELF, Map.of("t1", 5, "v1", 4), Map.of()));
        publish(submission(cycleId, lea, MANAGER, Map.of("t1", 3, "v1", 3), Map.of()));
        publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 2, "v1", 5), Map.of("start", "report idea")));
        RecordMetadata second = publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 4, "v1", 2), Map.of()));
        awaitConsumed(closed, PATIENCE);
        awaitConsumed(second, PATIENCE);

        mvc.perform(get("/api/profiles/{id}", lea).param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Results are still being prepared"));
        mvc.perform(get("/api/organisation/heatmap").param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isConflict());

        var third = submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 3, "v1", 3), Map.of());
        publish(third);
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.responses.SELF").value(1))
                        .andExpect(jsonPath("$.responses.DIRECT_REPORT").value(3))
                        // 4 peers invited: their count may be shown, their answers not
                        .andExpect(jsonPath("$.responses.PEER").value(2))
                        // 2 others invited: not even whether they answered
                        .andExpect(jsonPath("$.responses", hasKey("OTHER")))
                        .andExpect(jsonPath("$.responses.OTHER").value(nullValue()))
                        .andExpect(jsonPath("$.competencies[0].byRelationship.PEER")
                                .value(nullValue()))
                        .andExpect(jsonPath("$.competencies[0].byRelationship.OTHER")
                                .value(nullValue()))
                        .andExpect(jsonPath("$.competencies[0].byRelationship.DIRECT_REPORT.n")
                                .value(3))
                        // nominations only of shown groups
                        .andExpect(jsonPath("$.nominatedByAdministrator.DIRECT_REPORT")
                                .value(1))
                        .andExpect(jsonPath("$.nominatedByAdministrator", not(hasKey("PEER"))))
                        .andExpect(jsonPath("$.nominatedByAdministrator", not(hasKey("OTHER")))));
        JsonNode shown = profile(lea, cycleId, admin);

        // nothing is accepted after the cut; a redelivery counts once: the profile stays as it was
        RecordMetadata again = publish(third);
        awaitConsumed(again, PATIENCE);
        assertThat(profile(lea, cycleId, admin)).isEqualTo(shown);
        assertThat(profile(lea, cycleId, admin)).isEqualTo(shown);
    }

    @Test
    void administratorNominationsAreShownForShownAnonymousGroupsInTheProfileAndTheReport() throws Exception {
        String lea = unique("lea");
        String cycleId = unique("cycle");
        String leaToken = bearer(lea, "EMPLOYEE", "LEADER");
        publish(cycleOpened(
                cycleId,
                3,
                Map.of(lea, Map.of(MANAGER, 1, DIRECT_REPORT, 3, OTHER, 4, PEER, 2)),
                Map.of(lea, Map.of(OTHER, 2, PEER, 1))));
        publish(submission(cycleId, lea, MANAGER, Map.of("t1", 4), Map.of()));
        for (int score : new int[] {2, 3, 4}) {
            publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", score), Map.of()));
            publish(submission(cycleId, lea, OTHER, Map.of("t1", score + 1), Map.of()));
        }
        publish(cycleClosed(
                cycleId,
                Map.of(lea, Map.of(MANAGER, 1, DIRECT_REPORT, 3, OTHER, 3, PEER, 2)),
                Map.of(lea, Map.of(MANAGER, 1, DIRECT_REPORT, 3, OTHER, 3, PEER, 0))));
        publish(resultsReleased(cycleId, List.of(lea)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leaToken))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.cycleId").value(cycleId))
                        .andExpect(jsonPath("$.nominatedByAdministrator.OTHER").value(2))
                        .andExpect(jsonPath("$.nominatedByAdministrator.DIRECT_REPORT")
                                .value(0))
                        .andExpect(jsonPath("$.nominatedByAdministrator", not(hasKey("PEER"))))
                        .andExpect(jsonPath("$.nominatedByAdministrator", not(hasKey("MANAGER"))))
                        .andExpect(jsonPath("$.responses.PEER").value(nullValue())));

        byte[] pdf = mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, leaToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("2 of the invited OTHER raters were nominated by an administrator", "PEER not shown");
            assertThat(text).doesNotContain("PEER raters");
        }
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
