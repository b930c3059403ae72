package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.Topics;
import io.lead360.feedback.cycle.CycleService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Privacy at rest: what the database holds after raters answered, saved drafts and declined. */
class PrivacyIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CycleService cycles;

    /** m ← {a, b, c, d, e, f}. */
    private Map<String, String> team() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(person(email("m"), "M", null));
        for (String r : List.of("a", "b", "c", "d", "e", "f")) {
            rows.add(person(email(r), r.toUpperCase(), email("m")));
        }
        return importAndGetIds(rows);
    }

    private String openCycle(String subjectId, Instant closesAt) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("name", "Private " + tag, "templateId", "leadership-360", "subjectIds", List.of(subjectId)));
        if (closesAt != null) {
            body.put("closesAt", closesAt.toString());
        }
        String cycle = body(postAs(adminToken(), "/api/cycles", body).andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        return cycle;
    }

    private String requestOf(String raterId, String cycleId) throws Exception {
        return requestsOf(raterId).stream()
                .filter(r -> r.get("cycleId").asString().equals(cycleId))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
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
    private void draftAndDecline(Map<String, String> id, String cycle, String draftText, String reason)
            throws Exception {
        putAs(
                        personToken(id.get("b")),
                        "/api/feedback-requests/" + requestOf(id.get("b"), cycle) + "/draft",
                        Map.of("ratings", Map.of("trust-2", 3), "comments", Map.of("stop", draftText)))
                .andExpect(status().isOk());
        postAs(
                        personToken(id.get("c")),
                        "/api/feedback-requests/" + requestOf(id.get("c"), cycle) + "/decline",
                        Map.of("reason", reason))
                .andExpect(status().isOk());
    }

    private void assertNoDraftOrReasonLeft(String cycle, String draftText, String reason) {
        assertThat(mongo.find(Query.query(where("cycleId").is(cycle)), Document.class, "feedback_requests"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).doesNotContainKeys("draft", "declineReason"));
        assertThat(wholeDatabase()).noneMatch(d -> d.contains(draftText) || d.contains(reason));
    }

    @Test
    void nothingStoredHoldsAnAnswerADraftOrAReasonInTheClearNorARaterNextToWhatTheyAnswered() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), null);
        Map<String, String> comments = new java.util.LinkedHashMap<>();
        for (String rater : List.of("a", "d", "e", "f")) {
            String comment = "marker " + rater + " " + tag;
            comments.put(rater, comment);
            postAs(
                            personToken(id.get(rater)),
                            "/api/feedback-requests/" + requestOf(id.get(rater), cycle) + "/response",
                            Map.of(
                                    "ratings",
                                    Map.of("trust-1", 4, "vision-2", 2),
                                    "comments",
                                    Map.of("start", comment)))
                    .andExpect(status().isCreated());
        }
        String draftText = "draft marker " + tag;
        String reason = "reason marker " + tag;
        draftAndDecline(id, cycle, draftText, reason);

        List<String> database = wholeDatabase();
        for (String text : comments.values()) {
            assertThat(database).as("in the clear: " + text).noneMatch(d -> d.contains(text));
        }
        assertThat(database).noneMatch(d -> d.contains(draftText) || d.contains(reason));
        // a request holds its status and the rater's sealed notes, never an answer, a time or a reminder
        for (Document request :
                mongo.find(Query.query(where("cycleId").is(cycle)), Document.class, "feedback_requests")) {
            assertThat(request.keySet())
                    .isSubsetOf(
                            "_id",
                            "cycleId",
                            "subjectId",
                            "raterId",
                            "relationship",
                            "status",
                            "draft",
                            "declineReason",
                            "_class");
        }
        // the ballot counts and holds the answers, sealed, and knows nobody: no rater id, no request id
        Document ballot = mongo.findOne(Query.query(where("cycleId").is(cycle)), Document.class, "ballots");
        String ballotText = ballot.toJson();
        for (String rater : List.of("a", "b", "c", "d", "e", "f")) {
            assertThat(ballotText).doesNotContain(id.get(rater)).doesNotContain(requestOf(id.get(rater), cycle));
        }
        assertThat(ballot.get("responded", Document.class).getInteger("DIRECT_REPORT"))
                .isEqualTo(4);
        // held in the order of a random key, not of arrival
        List<String> keys = ballot.getList("held", Document.class).stream()
                .map(h -> h.getString("key"))
                .toList();
        assertThat(keys).isSorted();
    }

    @Test
    void requestAndNominationIdsAreRandomSoNobodyCanWorkOutWhoseTheyAre() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), null);
        for (String rater : List.of("m", "a", "b", "c")) {
            for (JsonNode r : requestsOf(id.get(rater))) {
                UUID requestId = UUID.fromString(r.get("id").asString());
                assertThat(requestId.version()).as("random (version 4)").isEqualTo(4);
                String key = cycle + "|" + r.at("/subject/id").asString() + "|" + id.get(rater) + "|"
                        + r.get("relationship").asString();
                assertThat(requestId)
                        .isNotEqualTo(UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        String draft = body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        "Nominate " + tag,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        List.of(id.get("m"))))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        UUID nomination = UUID.fromString(body(postAs(
                                adminToken(),
                                "/api/cycles/" + draft + "/nominations",
                                Map.of("subjectId", id.get("m"), "raterId", id.get("a"), "relationship", "OTHER"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString());
        assertThat(nomination.version()).isEqualTo(4);
    }

    @Test
    void publishedRecordsNameNoRaterAndSayOnlyTheDay() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), null);
        String comment = "published marker " + tag;
        // the subject's own answer: attributed, so it goes out without waiting for a batch
        postAs(
                        personToken(id.get("m")),
                        "/api/feedback-requests/" + requestOf(id.get("m"), cycle) + "/response",
                        Map.of("ratings", Map.of("trust-1", 4), "comments", Map.of("start", comment)))
                .andExpect(status().isCreated());
        ConsumerRecord<String, String> event = consume(
                        Topics.FEEDBACK_SUBMITTED, "\"cycleId\":\"" + cycle + "\"", 1, Duration.ZERO)
                .get(0);
        JsonNode submitted = json.readTree(event.value());
        Instant occurredAt = Instant.parse(submitted.get("occurredAt").asString());
        assertThat(occurredAt)
                .isEqualTo(LocalDate.now(ZoneOffset.UTC)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
        // the Kafka record's own timestamp would otherwise tell the millisecond: it is a midnight too,
        // the submission's (or the next, had the publishing been held up past midnight)
        assertThat(event.timestamp() % Duration.ofDays(1).toMillis()).isZero();
        assertThat(Instant.ofEpochMilli(event.timestamp())).isBetween(occurredAt, occurredAt.plus(Duration.ofDays(1)));
        assertThat(event.value()).doesNotContain(comment).doesNotContain(requestOf(id.get("m"), cycle));
        assertThat(answersOf(event).at("/comments/start").asString()).isEqualTo(comment);
    }

    @Test
    void closingACycleDeletesDraftsAndDeclineReasons() throws Exception {
        Map<String, String> id = team();
        String cycle = openCycle(id.get("m"), null);
        String draftText = "half a thought, " + tag;
        String reason = "I barely know them, " + tag;
        draftAndDecline(id, cycle, draftText, reason);
        // still there while the cycle is open (the rater may come back to the draft), sealed
        assertThat(mongo.find(
                        Query.query(where("cycleId").is(cycle).and("draft").exists(true)),
                        Document.class,
                        "feedback_requests"))
                .hasSize(1);
        assertThat(body(getAs(personToken(id.get("b")), "/api/feedback-requests/" + requestOf(id.get("b"), cycle)))
                        .at("/draft/comments/stop")
                        .asString())
                .isEqualTo(draftText);

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

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    cycles.closeDue();
                    assertThat(cycles.get(cycle).status().name()).isEqualTo("CLOSED");
                });

        assertNoDraftOrReasonLeft(cycle, draftText, reason);
    }
}
