package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.EventHeaders;
import io.lead360.events.Topics;
import io.lead360.feedback.cycle.CycleMailRounds;
import io.lead360.feedback.cycle.CycleService;
import io.lead360.testsupport.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** closesAt and reminders, with the service's clock moved by the test. */
class CycleSchedulingIT extends IsolatedIT {

    @Autowired
    CycleService cycles;

    @Autowired
    CycleMailRounds mailRounds;

    /** m ← {a, b, c}. */
    private Map<String, String> team() throws Exception {
        return importAndGetIds(List.of(
                person(email("m"), "M", null),
                person(email("a"), "A", email("m")),
                person(email("b"), "B", email("m")),
                person(email("c"), "C", email("m"))));
    }

    private String openCycle(String subjectId, Instant closesAt) throws Exception {
        String cycle = body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        "Timed " + tag,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        List.of(subjectId),
                                        "closesAt",
                                        closesAt.toString()))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.closesAt").value(closesAt.toString())))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        return cycle;
    }

    private String requestOf(String raterId) throws Exception {
        return requestsOf(raterId).get(0).get("id").asString();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aCycleClosesByItselfAtClosesAtAndRacingInstancesRecordOneCycleClosed() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), clock.instant().plus(Duration.ofDays(1)));
        String aRequest = requestOf(id.get("a"));
        postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "x",
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(id.get("m")),
                                "closesAt",
                                clock.instant().minusSeconds(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("closesAt"));

        clock.advance(Duration.ofDays(2));
        // a submission after closesAt is refused even before any job has closed the cycle
        postAs(
                        personToken(id.get("a")),
                        "/api/feedback-requests/" + aRequest + "/response",
                        Map.of("ratings", Map.of("trust-1", 4)))
                .andExpect(status().isConflict());

        // two "instances" race each other and the scheduled job
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(cycles::closeDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(cycles::closeDue);
        assertThat(one.get() + two.get()).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getAs(adminToken(), "/api/cycles/" + cycle)
                        .andExpect(jsonPath("$.status").value("CLOSED")));

        List<ConsumerRecord<String, String>> events =
                consume(Topics.CYCLE_EVENTS, "\"cycleId\":\"" + cycle + "\"", 2, Duration.ofSeconds(3));
        assertThat(events).extracting(CycleSchedulingIT::type).containsExactly("CycleOpened", "CycleClosed");
        events.forEach(e ->
                assertThat(EventSchemas.violations(e.value())).as(e.value()).isEmpty());
    }

    @Test
    void remindersGoToPendingRequestsOncePerPointAndNeverAfterAnswering() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), clock.instant().plus(Duration.ofDays(10)));
        Map<String, String> requestOf = Map.of(
                "m",
                requestOf(id.get("m")),
                "a",
                requestOf(id.get("a")),
                "b",
                requestOf(id.get("b")),
                "c",
                requestOf(id.get("c")));

        assertThat(mailRounds.remindDue()).isZero();
        postAs(
                        personToken(id.get("a")),
                        "/api/feedback-requests/" + requestOf.get("a") + "/response",
                        Map.of("ratings", Map.of("trust-1", 4)))
                .andExpect(status().isCreated());

        clock.advance(Duration.ofDays(7).plusMinutes(1)); // past "3 days before"
        assertThat(mailRounds.remindDue()).isEqualTo(3);
        assertThat(mailRounds.remindDue()).isZero();

        postAs(personToken(id.get("b")), "/api/feedback-requests/" + requestOf.get("b") + "/decline", null)
                .andExpect(status().isOk());
        clock.advance(Duration.ofDays(2)); // past "1 day before"
        assertThat(mailRounds.remindDue()).isEqualTo(2);
        assertThat(mailRounds.remindDue()).isZero();

        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded").value(2));

        // the points are kept on the cycle; no request records when it was still pending
        assertThat(mongo.findById(cycle, org.bson.Document.class, "cycles").getList("remindersSent", String.class))
                .containsExactlyInAnyOrder("PT72H", "PT24H");
        requestOf
                .values()
                .forEach(r -> assertThat(mongo.findById(r, org.bson.Document.class, "feedback_requests"))
                        .doesNotContainKey("remindersSent"));
        // and nothing about a reminder goes on Kafka
        assertThat(consumeAll(Topics.CYCLE_EVENTS, cycle, Duration.ofSeconds(3)))
                .extracting(CycleSchedulingIT::type)
                .containsExactly("CycleOpened");
    }

    @Test
    void aPointThatPassedBeforeTheCycleOpenedIsSkipped() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), clock.instant().plus(Duration.ofDays(2)));

        assertThat(mailRounds.remindDue()).isZero(); // "3 days before" was before the opening
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(mailRounds.remindDue()).isEqualTo(4);
        assertThat(mongo.findById(cycle, org.bson.Document.class, "cycles").getList("remindersSent", String.class))
                .containsExactly("PT24H");
        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isOk());
        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null).andExpect(status().isConflict());
    }
}
