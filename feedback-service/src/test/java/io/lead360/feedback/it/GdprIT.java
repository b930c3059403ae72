package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.EventHeaders;
import io.lead360.events.Topics;
import io.lead360.testsupport.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** GDPR: a person's data export, and an administrator erasing a person. */
class GdprIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    /**
     * top ← {m}; m ← {erin, s, t}; erin ← {r1, r2, r3}. Cycle "asRater" (subjects m, s): erin answers about m
     * and declines s. Cycle "aboutErin" (subject erin): r1 answers, erin keeps a draft of her SELF.
     * Cycle "pending" (subject m): erin has not answered. Cycle "draft": erin nominated to rate m.
     */
    private record World(
            Map<String, String> id, String asRater, String aboutErin, String pending, String draft, String sessionId) {}

    private World world() throws Exception {
        Map<String, String> id = importAndGetIds(List.of(
                person(email("top"), "Top", null),
                person(email("m"), "Em", email("top")),
                person(email("erin"), "Erin", email("m")),
                person(email("s"), "Es", email("m")),
                person(email("t"), "Te", email("m")),
                person(email("r1"), "R1", email("erin")),
                person(email("r2"), "R2", email("erin")),
                person(email("r3"), "R3", email("erin"))));
        String erin = id.get("erin");
        String asRater = openCycle("as rater", id.get("m"), id.get("s"));
        respond(erin, requestOf(erin, asRater, id.get("m")), "start", "erin on m, " + tag);
        postAs(
                        personToken(erin),
                        "/api/feedback-requests/" + requestOf(erin, asRater, id.get("s")) + "/decline",
                        Map.of("reason", "why erin declined, " + tag))
                .andExpect(status().isOk());
        String aboutErin = openCycle("about erin", erin);
        respond(id.get("r1"), requestOf(id.get("r1"), aboutErin, erin), "stop", "r1 on erin, " + tag);
        putAs(
                        personToken(erin),
                        "/api/feedback-requests/" + requestOf(erin, aboutErin, erin) + "/draft",
                        Map.of("ratings", Map.of("trust-1", 2), "comments", Map.of("continue", "erin's draft, " + tag)))
                .andExpect(status().isOk());
        String pending = openCycle("pending", id.get("m"));
        String draft = body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        "draft " + tag,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        List.of(id.get("m"))))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(
                        adminToken(),
                        "/api/cycles/" + draft + "/nominations",
                        Map.of("subjectId", id.get("m"), "raterId", erin, "relationship", "OTHER"))
                .andExpect(status().isCreated());
        // a sign-in session as the gateway's sign-in stores it
        String sessionId = "sess" + tag + "0123456789abcdef";
        mongo.insert(
                new Document("_id", sessionId)
                        .append("personId", erin)
                        .append("createdOn", Date.from(Instant.now()))
                        .append("expiresAt", Date.from(Instant.now().plusSeconds(3600)))
                        .append("refreshTokenHash", "hash-" + tag)
                        .append("revoked", false),
                "sessions");
        return new World(id, asRater, aboutErin, pending, draft, sessionId);
    }

    private String openCycle(String name, String... subjects) throws Exception {
        String cycle = body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        name + " " + tag,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        List.of(subjects)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        return cycle;
    }

    private String requestOf(String raterId, String cycleId, String subjectId) throws Exception {
        return requestsOf(raterId).stream()
                .filter(r -> r.get("cycleId").asString().equals(cycleId)
                        && r.at("/subject/id").asString().equals(subjectId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request"))
                .get("id")
                .asString();
    }

    private void respond(String raterId, String requestId, String question, String comment) throws Exception {
        postAs(
                        personToken(raterId),
                        "/api/feedback-requests/" + requestId + "/response",
                        Map.of("ratings", Map.of("trust-1", 4), "comments", Map.of(question, comment)))
                .andExpect(status().isCreated());
    }

    private ResultActions deleteAs(String token, String path) throws Exception {
        return mvc.perform(delete(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.at(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @Test
    void aPersonExportsEverythingStoredAboutThemAndNothingAboutWhoAnsweredThem() throws Exception {
        World w = world();
        String erin = w.id().get("erin");
        JsonNode export = body(getAs(personToken(erin), "/api/me/data")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)));
        String text = export.toString();

        assertThat(export.at("/person/id").asString()).isEqualTo(erin);
        assertThat(export.at("/person/email").asString()).isEqualTo(email("erin"));
        assertThat(export.at("/person/managerId").asString()).isEqualTo(w.id().get("m"));
        assertThat(text)
                .doesNotContainIgnoringCase("password")
                .doesNotContain("hash-" + tag)
                .doesNotContain(w.sessionId());

        // her own sign-in session (the token of this call) is listed too
        JsonNode session = find(export.get("sessions"), "/id", w.sessionId().substring(0, 8) + "…");
        assertThat(session.has("createdOn") && session.has("expiresAt")).isTrue();
        assertThat(session.get("revoked").asBoolean()).isFalse();

        JsonNode requests = export.get("feedbackRequests");
        assertThat(requests).hasSize(4); // m and s in "as rater", her SELF, m in "pending"
        JsonNode answered = find(requests, "/status", "SUBMITTED");
        assertThat(answered.get("cycleId").asString()).isEqualTo(w.asRater());
        assertThat(answered.at("/subject/name").asString()).isEqualTo("Em");
        assertThat(answered.get("relationship").asString()).isEqualTo("DIRECT_REPORT");
        assertThat(find(requests, "/status", "DECLINED").get("declineReason").asString())
                .isEqualTo("why erin declined, " + tag);
        JsonNode self = find(requests, "/relationship", "SELF");
        assertThat(self.at("/draft/comments/continue").asString()).isEqualTo("erin's draft, " + tag);
        // what she submitted is not stored, so it cannot be exported either
        assertThat(text).doesNotContain("erin on m, " + tag);

        // her own cycle is open: no counts at all (she would watch who answers when)
        JsonNode aboutErin = find(export.get("cyclesAsSubject"), "/cycleId", w.aboutErin());
        assertThat(aboutErin.get("status").asString()).isEqualTo("OPEN");
        assertThat(aboutErin.get("responses").isNull()).isTrue();
        assertThat(text)
                .doesNotContain(w.id().get("r1"))
                .doesNotContain(w.id().get("r2"))
                .doesNotContain("r1 on erin, " + tag);

        assertThat(find(export.get("nominations"), "/cycleId", w.draft())
                        .get("raterId")
                        .asString())
                .isEqualTo(erin);

        // an administrator's export of her lists the requests asked of her, never what she did with them,
        // and counts about her as a subject under the progress rules
        JsonNode byAdmin = body(getAs(adminToken(), "/api/people/" + erin + "/data")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person.id").value(erin)));
        assertThat(byAdmin.get("feedbackRequests"))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.has("status") || r.has("draft") || r.has("declineReason"))
                        .as(r.toString())
                        .isFalse());
        assertThat(byAdmin.toString())
                .doesNotContain("why erin declined")
                .doesNotContain("erin's draft")
                .doesNotContain("SUBMITTED")
                .doesNotContain("DECLINED");
        JsonNode seenByAdmin = find(byAdmin.get("cyclesAsSubject"), "/cycleId", w.aboutErin());
        assertThat(seenByAdmin.at("/responses/DIRECT_REPORT/invited").asInt()).isEqualTo(3);
        assertThat(seenByAdmin.at("/responses/DIRECT_REPORT/responded").asInt()).isEqualTo(1);
        assertThat(seenByAdmin.at("/responses/SELF/responded").asInt()).isZero();
        // an administrator's export of her (a data-subject request) shows up in her next export
        JsonNode again = body(getAs(personToken(erin), "/api/me/data"));
        assertThat(again.get("auditEntries"))
                .extracting(e -> e.get("action").asString())
                .contains("PERSON_DATA_EXPORTED");
        assertThat(find(again.get("auditEntries"), "/actorId", "admin-" + tag)
                        .get("targetId")
                        .asString())
                .isEqualTo(erin);
    }

    @Test
    void onlyThePersonAndAdministratorsReadTheirData() throws Exception {
        World w = world();
        String erin = w.id().get("erin");
        getAs(personToken(erin), "/api/people/" + w.id().get("m") + "/data")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // even her own data goes through /api/me/data: the person route is for administrators
        getAs(personToken(erin), "/api/people/" + erin + "/data").andExpect(status().isForbidden());
        mvc.perform(get("/api/me/data")).andExpect(status().isUnauthorized());
        getAs(adminToken(), "/api/people/nobody-" + tag + "/data")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        deleteAs(personToken(erin), "/api/people/" + w.id().get("r1")).andExpect(status().isForbidden());
        assertThat(mongo.exists(Query.query(where("_id").is(w.id().get("r1"))), "people"))
                .isTrue();
    }

    @Test
    void erasingAPersonDeletesWhatIsAboutThemAndKeepsTheirAnswersAnonymous() throws Exception {
        World w = world();
        String erin = w.id().get("erin");
        deleteAs(adminToken(), "/api/people/admin-" + tag).andExpect(status().isConflict());
        deleteAs(adminToken(), "/api/people/nobody-" + tag).andExpect(status().isNotFound());

        deleteAs(adminToken(), "/api/people/" + erin).andExpect(status().isNoContent());

        assertThat(mongo.exists(Query.query(where("_id").is(erin)), "people")).isFalse();
        assertThat(mongo.find(Query.query(where("personId").is(erin)), Document.class, "sessions"))
                .isEmpty();
        assertThat(mongo.find(Query.query(where("raterId").is(erin)), Document.class, "nominations"))
                .isEmpty();
        assertThat(mongo.find(Query.query(where("subjectId").is(erin)), Document.class, "feedback_requests"))
                .isEmpty();
        assertThat(mongo.find(Query.query(where("raterId").is(erin)), Document.class, "feedback_requests"))
                .isEmpty();
        assertThat(mongo.find(Query.query(where("cycleId").is(w.pending())), Document.class, "feedback_requests"))
                .as("her pending request is gone, the others' stay")
                .hasSize(4); // m's SELF, top as MANAGER, s and t as DIRECT_REPORTs
        assertThat(mongo.find(Query.query(where("subjectIds").is(erin)), Document.class, "cycles"))
                .isEmpty();
        for (String report : List.of("r1", "r2")) {
            assertThat(mongo.findById(w.id().get(report), Document.class, "people")
                            .get("managerId"))
                    .isNull();
        }
        // her requests are gone; what she answered or declined stays counted, in the ballots that never knew her
        assertThat(mongo.find(
                        Query.query(
                                where("cycleId").is(w.asRater()).and("raterId").exists(false)),
                        Document.class,
                        "feedback_requests"))
                .isEmpty();
        // everything about her as a subject: the ballot of her cycle and her key (a tombstone is left)
        assertThat(mongo.find(Query.query(where("subjectId").is(erin)), Document.class, "ballots"))
                .isEmpty();
        assertThat(mongo.findById(erin, Document.class, "subject_keys"))
                .doesNotContainKey("wrapped")
                .containsEntry("erased", true);
        // so whatever was published about her can no longer be opened, by anyone
        ConsumerRecord<String, String> openedAboutErin = consume(
                        Topics.CYCLE_EVENTS, "\"cycleId\":\"" + w.aboutErin() + "\"", 1, Duration.ZERO)
                .get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealedPartOf(openedAboutErin, erin))
                .isInstanceOf(io.lead360.feedback.keys.SubjectKeys.NoSubjectKeyException.class);
        getAs(adminToken(), "/api/cycles/" + w.asRater() + "/progress")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjects[?(@.subjectId=='" + w.id().get("m")
                                + "')].relationships.DIRECT_REPORT.responded")
                        .value(1));
        getAs(adminToken(), "/api/people/" + erin + "/data").andExpect(status().isNotFound());

        // analytics hears of it, in the published contract's shape
        ConsumerRecord<String, String> erased = consume(
                        Topics.FEEDBACK_SUBMITTED, "\"personId\":\"" + erin + "\"", 1, Duration.ofSeconds(1))
                .get(0);
        assertThat(erased.key()).isEqualTo(erin);
        assertThat(new String(
                        erased.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("PersonErased");
        assertThat(EventSchemas.violations(erased.value())).as(erased.value()).isEmpty();

        // her answer still counts when the cycle closes
        postAs(adminToken(), "/api/cycles/" + w.asRater() + "/close", null).andExpect(status().isOk());
        ConsumerRecord<String, String> closed =
                consume(Topics.CYCLE_EVENTS, "\"cycleId\":\"" + w.asRater() + "\"", 2, Duration.ZERO).stream()
                        .filter(r -> r.value().contains("CycleClosed"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sealedPartOf(closed, w.id().get("m"))
                        .at("/responded/DIRECT_REPORT")
                        .asInt())
                .isEqualTo(1);

        List<JsonNode> entries = auditEntries(erin);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actorId").asString()).isEqualTo("admin-" + tag);
        assertThat(entries.get(0).get("details").isEmpty()).isTrue();
    }

    @Test
    void erasingAgainFinishesAnInterruptedErasureAndRecordsItOnce() throws Exception {
        World w = world();
        String erin = w.id().get("erin");
        deleteAs(adminToken(), "/api/people/" + erin).andExpect(status().isNoContent());
        // as if the first run had stopped before deleting her session
        mongo.insert(new Document("_id", "late-" + tag).append("personId", erin), "sessions");

        deleteAs(adminToken(), "/api/people/" + erin).andExpect(status().isNoContent());

        assertThat(mongo.find(Query.query(where("personId").is(erin)), Document.class, "sessions"))
                .isEmpty();
        assertThat(auditEntries(erin)).hasSize(1);
        assertThat(consume(Topics.FEEDBACK_SUBMITTED, "\"personId\":\"" + erin + "\"", 1, Duration.ofSeconds(2)))
                .as("one PersonErased, not one per run")
                .hasSize(1);
    }

    private List<JsonNode> auditEntries(String targetId) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        body(getAs(adminToken(), "/api/audit?action=PERSON_ERASED&targetId=" + targetId))
                .forEach(found::add);
        return found;
    }
}
