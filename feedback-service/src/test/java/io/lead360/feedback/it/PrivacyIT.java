package io.lead360.feedback.it;

import io.lead360.events.Topics;
import io.lead360.feedback.cycle.CycleService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Privacy at rest: what the database holds after raters answered, saved drafts and declined. */
class PrivacyIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CycleService cycles;

    /** m ← {a, b, c}. */
    private Map<String, String> team() throws Exception {
        return importAndGetIds(List.of(person(email("m"), "M", null), person(email("a"), "A", email("m")),
                person(email("b"), "B", email("m")), person(email("c"), "C", email("m"))));
    }

    private String openCycle(String subjectId, Instant closesAt) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Private " + tag,
                "templateId", "leadership-360", "subjectIds", List.of(subjectId)));
        if (closesAt != null) {
            body.put("closesAt", closesAt.toString());
        }
        String cycle = body(postAs(adminToken(), "/api/cycles", body).andExpect(status().isCreated()))
                .get("id").asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        return cycle;
    }

    private String requestOf(String raterId, String cycleId) throws Exception {
        return requestsOf(raterId).stream().filter(r -> r.get("cycleId").asString().equals(cycleId))
                .findFirst().orElseThrow().get("id").asString();
    }

    /** Every document of every collection of the service's database, as JSON text. */
    private List<String> wholeDatabase() {
        List<String> documents = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            mongo.findAll(Document.class, collection).forEach(d -> documents.add(collection + ": " + d.toJson()));
        }
        return documents;
    }

    /** b saves a draft and c declines with a reason: what the cycle's close must delete. */
    private void draftAndDecline(Map<String, String> id, String cycle, String draftText, String reason) throws Exception {
        putAs(personToken(id.get("b")), "/api/feedback-requests/" + requestOf(id.get("b"), cycle) + "/draft",
                Map.of("ratings", Map.of("trust-2", 3), "comments", Map.of("stop", draftText)))
                .andExpect(status().isOk());
        postAs(personToken(id.get("c")), "/api/feedback-requests/" + requestOf(id.get("c"), cycle) + "/decline",
                Map.of("reason", reason)).andExpect(status().isOk());
    }

    private void assertNoDraftOrReasonLeft(String cycle, String draftText, String reason) {
        assertThat(mongo.find(Query.query(where("cycleId").is(cycle)), Document.class, "feedback_requests"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).doesNotContainKeys("draft", "declineReason"));
        assertThat(wholeDatabase()).noneMatch(d -> d.contains(draftText) || d.contains(reason));
    }

    @Test
    void aPublishedResponseIsStoredNowhereWithItsRaterAndItsTimeSaysOnlyTheDay() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), null);
        String comment = "start listening, " + tag;
        String request = requestOf(id.get("a"), cycle);
        postAs(personToken(id.get("a")), "/api/feedback-requests/" + request + "/response",
                Map.of("ratings", Map.of("trust-1", 4, "vision-2", 2), "comments", Map.of("start", comment)))
                .andExpect(status().isCreated());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.findById(request, Document.class, "feedback_requests").getList("outbox", Object.class)).isEmpty());
        Document stored = mongo.findById(request, Document.class, "feedback_requests");
        assertThat(stored.getString("status")).isEqualTo("SUBMITTED");
        assertThat(stored).doesNotContainKeys("ratings", "comments", "draft");
        List<String> database = wholeDatabase();
        assertThat(database).noneMatch(d -> d.contains(comment));
        // the rater's id never stands next to an item score
        assertThat(database).filteredOn(d -> d.contains(id.get("a")))
                .isNotEmpty()
                .noneMatch(d -> d.contains("trust-1") || d.contains("vision-2"));

        ConsumerRecord<String, String> event = consume(Topics.FEEDBACK_SUBMITTED, "\"cycleId\":\"" + cycle + "\"", 1,
                Duration.ZERO).get(0);
        JsonNode submitted = json.readTree(event.value());
        Instant occurredAt = Instant.parse(submitted.get("occurredAt").asString());
        assertThat(occurredAt).isEqualTo(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
        // the Kafka record's own timestamp would otherwise tell the millisecond: it is a midnight too,
        // the submission's (or the next, had the publishing been held up past midnight)
        assertThat(event.timestamp() % Duration.ofDays(1).toMillis()).isZero();
        assertThat(Instant.ofEpochMilli(event.timestamp())).isBetween(occurredAt, occurredAt.plus(Duration.ofDays(1)));
        assertThat(event.value()).doesNotContain(id.get("a"));
    }

    @Test
    void closingACycleDeletesDraftsAndDeclineReasons() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), null);
        String draftText = "half a thought, " + tag;
        String reason = "I barely know them, " + tag;
        draftAndDecline(id, cycle, draftText, reason);
        // still there while the cycle is open: the rater may come back to the draft
        assertThat(wholeDatabase()).anyMatch(d -> d.contains(draftText));

        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isOk());

        assertNoDraftOrReasonLeft(cycle, draftText, reason);
    }

    @Test
    void theScheduledCloseDeletesDraftsAndDeclineReasonsToo() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), Instant.now().plusSeconds(3));
        String draftText = "almost said it, " + tag;
        String reason = "not my team, " + tag;
        draftAndDecline(id, cycle, draftText, reason);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            cycles.closeDue();
            assertThat(cycles.get(cycle).status().name()).isEqualTo("CLOSED");
        });

        assertNoDraftOrReasonLeft(cycle, draftText, reason);
    }
}
