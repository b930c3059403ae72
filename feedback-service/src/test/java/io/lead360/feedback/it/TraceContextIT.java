package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Which traces the Kafka records continue: an administrator's cycle transition carries its request's
 * trace through the outbox into the record's {@code traceparent} header; a rater's submission never
 * does (its record carries the publisher round's trace instead).
 */
class TraceContextIT extends AbstractIT {

    private static final String TRACEPARENT = "traceparent";

    @Test
    void aCycleEventContinuesTheTraceOfTheAdministratorsRequestThroughTheOutbox() throws Exception {
        Map<String, String> id = importAndGetIds(
                List.of(person(email("boss"), "Boss", null), person(email("dev"), "Dev", email("boss"))));
        String cycle = createCycle(id.get("boss"));
        String traceId = randomHex(16);

        mvc.perform(post("/api/cycles/" + cycle + "/open")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                        .header(TRACEPARENT, "00-" + traceId + "-" + randomHex(8) + "-01"))
                .andExpect(status().isOk());

        ConsumerRecord<String, String> opened =
                consumeAll(Topics.CYCLE_EVENTS, cycle, Duration.ofMillis(500)).get(0);
        assertThat(traceIdOf(opened)).isEqualTo(traceId);
    }

    @Test
    void aSubmissionsRecordCarriesThePublisherRoundsTraceNeverTheRatersRequests() throws Exception {
        Map<String, String> id = importAndGetIds(
                List.of(person(email("boss"), "Boss", null), person(email("dev"), "Dev", email("boss"))));
        String cycle = createCycle(id.get("boss"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        // the boss's self-assessment: attributed, so it is published in the next round
        String request = body(getAs(personToken(id.get("boss")), "/api/feedback-requests"))
                .get(0)
                .get("id")
                .asString();
        String ratersTrace = randomHex(16);

        mvc.perform(post("/api/feedback-requests/" + request + "/response")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken(id.get("boss")))
                        .header(TRACEPARENT, "00-" + ratersTrace + "-" + randomHex(8) + "-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratings\":{\"trust-1\":4}}"))
                .andExpect(status().isCreated());

        ConsumerRecord<String, String> submitted = consumeAll(Topics.FEEDBACK_SUBMITTED, cycle, Duration.ofMillis(500))
                .get(0);
        assertThat(traceIdOf(submitted)).as("the round's own trace").isNotNull().isNotEqualTo(ratersTrace);
        assertThat(submitted.value()).doesNotContain(ratersTrace);
    }

    private String createCycle(String subjectId) throws Exception {
        JsonNode cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "Traced " + tag,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(subjectId)))
                .andExpect(status().isCreated()));
        return cycle.get("id").asString();
    }

    /** The trace id of the record's W3C traceparent header ({@code 00-<trace id>-<span id>-<flags>}). */
    private static String traceIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        if (header == null) {
            return null;
        }
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        return parts[1];
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
