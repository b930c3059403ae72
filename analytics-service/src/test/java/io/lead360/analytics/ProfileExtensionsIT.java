package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The profile extensions, completeness gating, the heatmap and the PDF, from events through real
 * Kafka to the HTTP API. Numbers (threshold 3; peers hidden with 2 responses):
 * <pre>
 *             t1  t2  t3(R)  v1  v2
 * SELF         4   4   4      4   4
 * MANAGER      3   3   3      3   3
 * DR ×3        5   5   5      5   5
 * PEER ×2      1   1   1      1   1   "peer secret"
 * </pre>
 * TRUST others = (3+3+3 + 15+15+3) / 12 = 3.5; VISION = (6 + 30) / 8 = 4.5; index = 25 × (78 − 20) / 20 = 72.5 → 73.
 */
class ProfileExtensionsIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void completeProfileWithItemsTrendHeatmapAndReportOnlyOnceEveryCountedResponseIsApplied() throws Exception {
        String cycleId = unique("cycle");
        String lea = unique("lea");
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String leader = bearer(lea, "EMPLOYEE", "LEADER");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(SELF, 1, MANAGER, 1, PEER, 2, DIRECT_REPORT, 3))));
        publish(all(cycleId, lea, SELF, 4, null));
        publish(all(cycleId, lea, MANAGER, 3, "manager start"));
        publish(all(cycleId, lea, DIRECT_REPORT, 5, "report start"));
        publish(all(cycleId, lea, DIRECT_REPORT, 5, null));
        publish(all(cycleId, lea, PEER, 1, "peer secret"));
        publish(all(cycleId, lea, PEER, 1, null));

        // Running: the administrator sees response counts, no scores; none of a group of fewer than 3 invited.
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.title").value("Cycle still open"))
                        .andExpect(jsonPath("$.responses.DIRECT_REPORT").value(2))
                        .andExpect(jsonPath("$.responses.MANAGER").value(1))
                        .andExpect(jsonPath("$.responses.PEER").value(nullValue()))
                        .andExpect(jsonPath("$.responses", hasKey("PEER")))
                        .andExpect(jsonPath("$.competencies").doesNotExist()));
        mvc.perform(get("/api/organisation/heatmap").param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isConflict());

        // Closed with 3 direct reports counted, but the third is still on its way: not half-built.
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(SELF, 1, MANAGER, 1, PEER, 2, DIRECT_REPORT, 3))));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isConflict())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.title").value("Results are still being prepared")));
        mvc.perform(get("/api/organisation/heatmap").param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Results are still being prepared"));

        // The held-back submission (accepted before the close, flushed at it) is still applied.
        publish(all(cycleId, lea, DIRECT_REPORT, 5, "another report start"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.responses.DIRECT_REPORT").value(3)));

        mvc.perform(get("/api/organisation/heatmap").param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.competencies").value(contains("TRUST", "VISION")))
                .andExpect(jsonPath("$.subjects[0].subjectId").value(lea))
                .andExpect(jsonPath("$.subjects[0].leadingIndex").value(73))
                .andExpect(jsonPath("$.subjects[0].percentile").value(50))
                .andExpect(jsonPath("$.subjects[0].means.TRUST").value(3.5))
                .andExpect(jsonPath("$.averages.VISION").value(4.5))
                .andExpect(jsonPath("$.leadingIndexAverage").value(73.0));
        mvc.perform(get("/api/organisation/heatmap")
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, leader))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/profiles/{id}", lea).param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, leader))
                .andExpect(status().isNotFound());

        publish(resultsReleased(cycleId, List.of(lea)));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leader))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.cycleId").value(cycleId))
                        .andExpect(jsonPath("$.competencies[0].others").value(3.5))
                        .andExpect(jsonPath("$.competencies[1].others").value(4.5))
                        .andExpect(jsonPath("$.leadingIndex").value(73))
                        .andExpect(jsonPath("$.items[0].id").value("t1"))
                        .andExpect(jsonPath("$.items[0].text").value("trusts me to decide"))
                        .andExpect(jsonPath("$.items[0].mean").value(4.5))
                        .andExpect(jsonPath("$.items[0].n").value(4))
                        .andExpect(jsonPath("$.items[2].mean").value(1.5))
                        .andExpect(jsonPath("$.distribution.TRUST").value(contains(3, 0, 3, 0, 6)))
                        .andExpect(jsonPath("$.highestItems").value(contains("t1", "t2", "v1")))
                        .andExpect(jsonPath("$.lowestItems").value(contains("t3", "t1", "t2")))
                        .andExpect(jsonPath("$.gaps.TRUST").value(-0.17))
                        .andExpect(jsonPath("$.comments.start")
                                .value(contains("another report start", "manager start", "report start")))
                        .andExpect(jsonPath("$.comments.start").value(not(hasItem("peer secret"))))
                        .andExpect(jsonPath("$.trend.length()").value(1))
                        .andExpect(jsonPath("$.trend[0].leadingIndex").value(73)));

        byte[] pdf = mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, leader))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Leading-vs-managing index: 73 / 100", "3.50", "report start");
            assertThat(text).doesNotContain("peer secret");
        }
        mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("max"), "EMPLOYEE", "LEADER")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // A second released cycle: the trend lists both, oldest first.
        String next = unique("cycle");
        publish(cycleOpened(next, 3, Map.of(lea, Map.of(SELF, 1, MANAGER, 1))));
        publish(all(next, lea, MANAGER, 4, null));
        publish(cycleClosed(next, Map.of(lea, Map.of(MANAGER, 1))));
        publish(resultsReleased(next, List.of(lea)));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leader))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.cycleId").value(next))
                        .andExpect(jsonPath("$.trend.length()").value(2))
                        .andExpect(jsonPath("$.trend[0].cycleId").value(cycleId))
                        .andExpect(jsonPath("$.trend[1].cycleId").value(next))
                        .andExpect(jsonPath("$.trend[1].leadingIndex").value(65)) // (4+4+2 + 4+4) / 5 = 3.6
                        .andExpect(jsonPath("$.trend[1].others.TRUST").value(3.33)));
    }

    /** Every item rated {@code score}, one comment for "start" (or none). */
    private static FeedbackSubmitted all(
            String cycleId, String subjectId, Relationship relationship, int score, String start) {
        var ratings = new HashMap<String, Integer>();
        for (String item : new String[] {"t1", "t2", "t3", "v1", "v2"}) {
            ratings.put(item, score);
        }
        return submission(cycleId, subjectId, relationship, ratings, start == null ? Map.of() : Map.of("start", start));
    }
}
