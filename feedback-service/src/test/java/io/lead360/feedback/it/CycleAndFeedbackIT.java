package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.EventHeaders;
import io.lead360.events.Topics;
import io.lead360.testsupport.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class CycleAndFeedbackIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    /** ceo ← {mo, pat}; mo ← {lea, sam, kim}. */
    private Map<String, String> importOrg() throws Exception {
        List<Map<String, Object>> rows = List.of(
                Map.of("email", email("ceo"), "name", "Ceo"),
                Map.of("email", email("mo"), "name", "Mo", "managerEmail", email("ceo")),
                Map.of("email", email("pat"), "name", "Pat", "managerEmail", email("ceo")),
                Map.of("email", email("lea"), "name", "Lea", "managerEmail", email("mo")),
                Map.of("email", email("sam"), "name", "Sam", "managerEmail", email("mo")),
                Map.of("email", email("kim"), "name", "Kim", "managerEmail", email("mo")));
        postAs(adminToken(), "/api/people/import", rows).andExpect(status().isOk());
        Map<String, String> ids = new HashMap<>();
        for (JsonNode p : body(getAs(adminToken(), "/api/people"))) {
            String email = p.get("email").asString();
            if (email.endsWith("-" + tag + "@acme.test")) {
                ids.put(email.substring(0, email.indexOf('-')), p.get("id").asString());
            }
        }
        return ids;
    }

    private String createCycle(String... subjectIds) throws Exception {
        JsonNode cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "Spring " + tag,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(subjectIds)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost/api/cycles/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.anonymityThreshold").value(3)));
        return cycle.get("id").asString();
    }

    private String requestOf(String raterId, String relationship) throws Exception {
        for (JsonNode r : body(getAs(personToken(raterId), "/api/feedback-requests"))) {
            if (r.get("relationship").asString().equals(relationship)) {
                return r.get("id").asString();
            }
        }
        throw new AssertionError("no " + relationship + " request for " + raterId);
    }

    @Test
    void aCycleMovesThroughItsLifeAndRefusesTransitionsOutOfOrder() throws Exception {
        Map<String, String> id = importOrg();
        String cycle = createCycle(id.get("mo"));

        postAs(adminToken(), "/api/cycles/" + cycle + "/release", null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isConflict());
        // a draft cycle asks nobody yet
        getAs(personToken(id.get("lea")), "/api/feedback-requests")
                .andExpect(jsonPath("$.length()").value(0));

        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isConflict());
        postAs(adminToken(), "/api/cycles/" + cycle + "/release", null).andExpect(status().isConflict());
        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/release", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RELEASED"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isConflict());

        getAs(adminToken(), "/api/cycles/" + cycle)
                .andExpect(jsonPath("$.status").value("RELEASED"));
        getAs(adminToken(), "/api/cycles").andExpect(jsonPath("$[*].id", hasItem(cycle)));
        postAs(adminToken(), "/api/cycles/nope-" + tag + "/open", null).andExpect(status().isNotFound());

        // every transition's event is published, then the outbox is empty
        List<ConsumerRecord<String, String>> events = consumeUntil(Topics.CYCLE_EVENTS, cycle, 3);
        assertThat(events)
                .extracting(r -> new String(
                        r.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .containsExactly("CycleOpened", "CycleClosed", "ResultsReleased");
        // what the service really publishes matches the published contract
        events.forEach(e ->
                assertThat(EventSchemas.violations(e.value())).as(e.value()).isEmpty());
        JsonNode opened = json.readTree(events.get(0).value());
        assertThat(opened.get("type").asString()).isEqualTo("CycleOpened");
        assertThat(opened.at("/questionnaire/competencies").size()).isEqualTo(7);
        // the counts about a subject are sealed with the subject's key
        assertThat(opened.toString()).doesNotContain("DIRECT_REPORT");
        JsonNode invitations = sealedPartOf(events.get(0), id.get("mo"));
        assertThat(invitations.at("/invited/DIRECT_REPORT").asInt()).isEqualTo(3);
        assertThat(invitations.get("questionnaireFingerprint").asString())
                .isEqualTo(io.lead360.feedback.template.Templates.leadership360()
                        .toQuestionnaire()
                        .fingerprint());
        assertThat(sealedPartOf(events.get(2), id.get("mo")).get("cycleId").asString())
                .isEqualTo(cycle);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                mongo.findById(cycle, Document.class, "cycles").getList("outbox", Object.class))
                        .isEmpty());
    }

    @Test
    void creatingACycleWithUnknownTemplateOrSubjectOrLowThresholdIsABadRequest() throws Exception {
        postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of("name", "x", "templateId", "nope", "subjectIds", List.of("ghost-" + tag)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("templateId", "subjectIds[0]")));
        // never below 3: in a group of two each could work out the other's answers
        postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "x",
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of("ghost"),
                                "anonymityThreshold",
                                2))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("anonymityThreshold")));
        postAs(personToken("p-" + tag), "/api/cycles", Map.of("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    void openingAssignsSelfManagerPeersAndDirectReportsAndProgressShowsOnlyCounts() throws Exception {
        Map<String, String> id = importOrg();
        String cycle = createCycle(id.get("mo"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());

        getAs(personToken(id.get("mo")), "/api/feedback-requests")
                .andExpect(jsonPath("$[0].relationship").value("SELF"))
                .andExpect(jsonPath("$[0].cycleName").value("Spring " + tag))
                .andExpect(jsonPath("$[0].subject.name").value("Mo"));
        getAs(personToken(id.get("ceo")), "/api/feedback-requests")
                .andExpect(jsonPath("$[0].relationship").value("MANAGER"));
        getAs(personToken(id.get("pat")), "/api/feedback-requests")
                .andExpect(jsonPath("$[0].relationship").value("PEER"));
        getAs(personToken(id.get("lea")), "/api/feedback-requests")
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].relationship").value("DIRECT_REPORT"))
                .andExpect(jsonPath("$[0].subject.id").value(id.get("mo")))
                .andExpect(jsonPath("$[0].status").value("PENDING"));

        JsonNode progress =
                body(getAs(adminToken(), "/api/cycles/" + cycle + "/progress").andExpect(status().isOk()));
        JsonNode rel = progress.at("/subjects/0/relationships");
        assertThat(progress.at("/subjects/0/subjectId").asString()).isEqualTo(id.get("mo"));
        assertThat(rel.at("/SELF/invited").asInt()).isEqualTo(1);
        assertThat(rel.at("/MANAGER/invited").asInt()).isEqualTo(1);
        assertThat(rel.at("/PEER/invited").asInt()).isEqualTo(1);
        assertThat(rel.at("/DIRECT_REPORT/invited").asInt()).isEqualTo(3);
        assertThat(rel.at("/DIRECT_REPORT/responded").asInt()).isZero();
        // a group of one: how many were asked, never whether they answered
        assertThat(rel.at("/PEER/responded").isNull()).isTrue();
        assertThat(rel.at("/PEER/responseRate").isNull()).isTrue();
        assertThat(progress.toString()).doesNotContain(id.get("lea")).doesNotContain(id.get("sam"));
        // LEADER is derived: pat has no reports and is no subject, so stays an employee
        getAs(personToken(id.get("pat")), "/api/me").andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE")));
    }

    @Test
    void aRaterSubmitsOnceAndTheEventReachesKafkaWithoutTheirIdentity() throws Exception {
        Map<String, String> id = importOrg();
        String cycle = createCycle(id.get("mo"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        String leaRequest = requestOf(id.get("lea"), "DIRECT_REPORT");
        String samRequest = requestOf(id.get("sam"), "DIRECT_REPORT");

        getAs(personToken(id.get("lea")), "/api/feedback-requests/" + leaRequest)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questionnaire.id").value("leadership-360"));
        getAs(personToken(id.get("sam")), "/api/feedback-requests/" + leaRequest)
                .andExpect(status().isNotFound());

        Map<String, Object> ratings = new HashMap<>();
        ratings.put("trust-1", 4);
        ratings.put("trust-3", 2);
        ratings.put("vision-1", null);
        Map<String, Object> response = Map.of("ratings", ratings, "comments", Map.of("start", "Weekly one-on-ones"));
        postAs(personToken(id.get("sam")), "/api/feedback-requests/" + leaRequest + "/response", response)
                .andExpect(status().isNotFound());
        postAs(personToken(id.get("lea")), "/api/feedback-requests/" + leaRequest + "/response", response)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(leaRequest))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        postAs(personToken(id.get("lea")), "/api/feedback-requests/" + leaRequest + "/response", response)
                .andExpect(status().isConflict());

        postAs(
                        personToken(id.get("sam")),
                        "/api/feedback-requests/" + samRequest + "/response",
                        Map.of("ratings", Map.of("trust-1", 7, "nope-1", 3), "comments", Map.of("later", "x")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("ratings.trust-1", "ratings.nope-1", "comments.later")));
        postAs(personToken(id.get("sam")), "/api/feedback-requests/" + samRequest + "/response", "{\"ratings\": [1,2]}")
                .andExpect(status().isBadRequest());
        postAs(personToken(id.get("sam")), "/api/feedback-requests/" + samRequest + "/decline", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"));
        postAs(personToken(id.get("sam")), "/api/feedback-requests/" + samRequest + "/decline", null)
                .andExpect(status().isConflict());
        postAs(personToken(id.get("sam")), "/api/feedback-requests/" + samRequest + "/response", response)
                .andExpect(status().isConflict());

        getAs(adminToken(), "/api/cycles/" + cycle + "/progress")
                .andExpect(jsonPath("$.subjects[0].relationships.DIRECT_REPORT.invited")
                        .value(3))
                .andExpect(jsonPath("$.subjects[0].relationships.DIRECT_REPORT.responded")
                        .value(1))
                .andExpect(jsonPath("$.subjects[0].relationships.DIRECT_REPORT.declined")
                        .value(1));
        String kimRequest = requestOf(id.get("kim"), "DIRECT_REPORT");
        postAs(
                        personToken(id.get("kim")),
                        "/api/feedback-requests/" + kimRequest + "/response",
                        Map.of("ratings", Map.of("trust-1", 2)))
                .andExpect(status().isCreated());
        // the subject's own self-assessment: attributed, so published without waiting for others
        String moRequest = requestOf(id.get("mo"), "SELF");
        postAs(
                        personToken(id.get("mo")),
                        "/api/feedback-requests/" + moRequest + "/response",
                        Map.of("ratings", Map.of("trust-1", 5)))
                .andExpect(status().isCreated());
        ConsumerRecord<String, String> self =
                consumeUntil(Topics.FEEDBACK_SUBMITTED, cycle, 1).get(0);
        assertThat(answersOf(self).get("relationship").asString()).isEqualTo("SELF");

        // a closed cycle takes no more responses; the direct reports' answers (2 of 3 invited, the threshold 3)
        // could never be shown: they are destroyed, not published
        String patRequest = requestOf(id.get("pat"), "PEER");
        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isOk());
        postAs(personToken(id.get("pat")), "/api/feedback-requests/" + patRequest + "/response", response)
                .andExpect(status().isConflict());
        ConsumerRecord<String, String> closedRecord =
                consumeUntil(Topics.CYCLE_EVENTS, cycle, 2).get(1);
        JsonNode tally = sealedPartOf(closedRecord, id.get("mo"));
        assertThat(tally.at("/responded/DIRECT_REPORT").asInt()).isEqualTo(2);
        assertThat(tally.at("/published/DIRECT_REPORT").asInt()).isZero();
        assertThat(tally.at("/responded/SELF").asInt()).isEqualTo(1);
        assertThat(tally.at("/published/SELF").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> mongo.findById(mo(cycle, id), Document.class, "ballots")
                        .getList("held", Object.class)
                        .isEmpty());
        List<ConsumerRecord<String, String>> submissions =
                consume(Topics.FEEDBACK_SUBMITTED, "\"cycleId\":\"" + cycle + "\"", 1, Duration.ofSeconds(2));
        assertThat(submissions).hasSize(1);

        ConsumerRecord<String, String> event = submissions.get(0);
        assertThat(event.key()).isEqualTo(id.get("mo"));
        assertThat(new String(
                        event.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("FeedbackSubmitted");
        assertThat(EventSchemas.violations(event.value())).as(event.value()).isEmpty();
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("type").asString()).isEqualTo("FeedbackSubmitted");
        assertThat(payload.has("ratings")).isFalse();
        assertThat(answersOf(event).at("/ratings/trust-1").asInt()).isEqualTo(5);
        Instant occurredAt = Instant.parse(payload.get("occurredAt").asString());
        assertThat(occurredAt).isEqualTo(occurredAt.truncatedTo(ChronoUnit.DAYS));
        assertThat(event.value())
                .doesNotContain(id.get("lea"))
                .doesNotContain(email("lea"))
                .doesNotContain("Lea")
                .doesNotContain(leaRequest)
                .doesNotContain("Weekly");
    }

    private static String mo(String cycle, Map<String, String> id) {
        return cycle + ":" + id.get("mo");
    }

    @Test
    void aGroupThatReachesTheThresholdIsPublishedInShuffledBatchesOfAtLeastTheThresholdAndTheRestAtClose()
            throws Exception {
        // mo ← six direct reports, threshold 3: the first batch goes out once six are held, keeping three
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.add(person(email("mo"), "Mo", null));
        for (int i = 1; i <= 7; i++) {
            rows.add(person(email("r" + i), "R" + i, email("mo")));
        }
        Map<String, String> id = importAndGetIds(rows);
        String cycle = createCycle(id.get("mo"));
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        for (int i = 1; i <= 5; i++) {
            submit(id.get("r" + i), "comment " + i + " " + tag);
        }
        Thread.sleep(1500); // several publisher rounds
        assertThat(consume(Topics.FEEDBACK_SUBMITTED, "\"cycleId\":\"" + cycle + "\"", 0, Duration.ofSeconds(1)))
                .as("five held: nothing may go out yet")
                .isEmpty();
        submit(id.get("r6"), "comment 6 " + tag);
        List<ConsumerRecord<String, String>> first =
                consume(Topics.FEEDBACK_SUBMITTED, "\"cycleId\":\"" + cycle + "\"", 3, Duration.ofSeconds(2));
        assertThat(first).hasSize(3);
        submit(id.get("r7"), "comment 7 " + tag);
        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isOk());
        List<ConsumerRecord<String, String>> all =
                consume(Topics.FEEDBACK_SUBMITTED, "\"cycleId\":\"" + cycle + "\"", 7, Duration.ofSeconds(2));
        assertThat(all).hasSize(7);
        List<String> comments = all.stream()
                .map(r -> answersOf(r).at("/comments/start").asString())
                .toList();
        assertThat(comments)
                .containsExactlyInAnyOrder(java.util.stream.IntStream.rangeClosed(1, 7)
                        .mapToObj(i -> "comment " + i + " " + tag)
                        .toArray(String[]::new));
        // nothing of a record names when it came: the day only, also as the record's own timestamp
        all.forEach(
                r -> assertThat(r.timestamp() % Duration.ofDays(1).toMillis()).isZero());
    }

    private void submit(String raterId, String comment) throws Exception {
        String request = requestOf(raterId, "DIRECT_REPORT");
        postAs(
                        personToken(raterId),
                        "/api/feedback-requests/" + request + "/response",
                        Map.of("ratings", Map.of("trust-1", 4), "comments", Map.of("start", comment)))
                .andExpect(status().isCreated());
    }

    /** Every record of the cycle on the topic, from the start, once {@code count} of them arrived. */
    private List<ConsumerRecord<String, String>> consumeUntil(String topic, String cycleId, int count) {
        return consume(topic, "\"cycleId\":\"" + cycleId + "\"", count, Duration.ZERO);
    }
}
