package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Drafts, declining with a reason, and what the rater is told about how their answers are shown. */
class RaterExperienceIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    /** mo ← {lea, sam, ana, kim}; mo is the subject. */
    private Map<String, String> openCycle() throws Exception {
        Map<String, String> id = importAndGetIds(List.of(
                person(email("mo"), "Mo", null),
                person(email("lea"), "Lea", email("mo")),
                person(email("sam"), "Sam", email("mo")),
                person(email("ana"), "Ana", email("mo")),
                person(email("kim"), "Kim", email("mo"))));
        String cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "R " + tag,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(id.get("mo")),
                                "anonymityThreshold",
                                3)))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        Map<String, String> requests = new HashMap<>(id);
        for (String who : List.of("mo", "lea", "sam", "ana", "kim")) {
            requests.put(
                    who + "Request", requestsOf(id.get(who)).get(0).get("id").asString());
        }
        return requests;
    }

    @Test
    void aDraftIsSavedServerSideValidatedAndVisibleOnlyToTheRaterUntilSubmitted() throws Exception {
        Map<String, String> r = openCycle();
        String path = "/api/feedback-requests/" + r.get("leaRequest");
        Map<String, Object> ratings = new HashMap<>();
        ratings.put("trust-1", 3);
        ratings.put("vision-2", null);

        putAs(
                        personToken(r.get("lea")),
                        path + "/draft",
                        Map.of("ratings", ratings, "comments", Map.of("stop", "Micro")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings.trust-1").value(3));
        putAs(personToken(r.get("lea")), path + "/draft", Map.of("ratings", Map.of()))
                .andExpect(status().isOk());
        putAs(
                        personToken(r.get("lea")),
                        path + "/draft",
                        Map.of("ratings", ratings, "comments", Map.of("stop", "Micro")))
                .andExpect(status().isOk());
        getAs(personToken(r.get("lea")), path)
                .andExpect(jsonPath("$.draft.ratings.trust-1").value(3))
                .andExpect(jsonPath("$.draft.comments.stop").value("Micro"));
        getAs(personToken(r.get("sam")), path).andExpect(status().isNotFound());
        putAs(personToken(r.get("sam")), path + "/draft", Map.of("ratings", Map.of("trust-1", 1)))
                .andExpect(status().isNotFound());
        putAs(
                        personToken(r.get("lea")),
                        path + "/draft",
                        Map.of(
                                "ratings",
                                Map.of("trust-1", 6, "nope", 1),
                                "comments",
                                Map.of("start", "x".repeat(2001))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", containsInAnyOrder("ratings.trust-1", "ratings.nope", "comments.start")));
        getAs(personToken(r.get("lea")), path)
                .andExpect(jsonPath("$.draft.ratings.trust-1").value(3));
        getAs(personToken(r.get("sam")), "/api/feedback-requests/" + r.get("samRequest"))
                .andExpect(jsonPath("$.draft").doesNotExist());

        postAs(personToken(r.get("lea")), path + "/response", Map.of("ratings", Map.of("trust-1", 4)))
                .andExpect(status().isCreated());
        getAs(personToken(r.get("lea")), path).andExpect(jsonPath("$.draft").doesNotExist());
        putAs(personToken(r.get("lea")), path + "/draft", Map.of("ratings", Map.of("trust-1", 1)))
                .andExpect(status().isConflict());
    }

    @Test
    void aDeclineReasonIsKeptButNeverShownAndIsBounded() throws Exception {
        Map<String, String> r = openCycle();
        String path = "/api/feedback-requests/" + r.get("samRequest");

        postAs(personToken(r.get("sam")), path + "/decline", Map.of("reason", "x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postAs(personToken(r.get("sam")), path + "/decline", Map.of("reason", "I joined the team last week"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"));

        // kept for the rater alone, sealed with the subject's key: not readable in the database
        String stored = mongo.findById(r.get("samRequest"), Document.class, "feedback_requests")
                .getString("declineReason");
        assertThat(stored).isNotBlank().doesNotContain("joined");
        assertThat(body(getAs(personToken(r.get("sam")), "/api/me/data")).toString())
                .contains("I joined the team last week");
        String seenByRater = body(getAs(personToken(r.get("sam")), path)).toString()
                + body(getAs(personToken(r.get("sam")), "/api/feedback-requests"))
                        .toString();
        String seenBySubject =
                body(getAs(personToken(r.get("mo")), "/api/feedback-requests")).toString()
                        + body(getAs(personToken(r.get("mo")), "/api/feedback-requests/" + r.get("moRequest")))
                                .toString();
        String seenByAdmin = body(getAs(adminToken(), "/api/cycles")).toString();
        assertThat(seenByRater + seenBySubject + seenByAdmin).doesNotContain("joined the team");
        assertThat(mongo.findById(r.get("samRequest"), Document.class, "feedback_requests")
                        .toJson())
                .doesNotContain("\"outbox\": [{");
    }

    @Test
    void theRaterSeesHowTheirAnswersWillBeShownInCountsOnly() throws Exception {
        Map<String, String> r = openCycle();

        JsonNode before = body(getAs(personToken(r.get("lea")), "/api/feedback-requests/" + r.get("leaRequest")));
        assertThat(before.get("visibility").toString())
                .isEqualTo(
                        "{\"relationship\":\"DIRECT_REPORT\",\"anonymous\":true,\"threshold\":3,\"responded\":0,\"shown\":false}");
        postAs(
                        personToken(r.get("sam")),
                        "/api/feedback-requests/" + r.get("samRequest") + "/response",
                        Map.of("ratings", Map.of("trust-1", 4)))
                .andExpect(status().isCreated());
        postAs(
                        personToken(r.get("ana")),
                        "/api/feedback-requests/" + r.get("anaRequest") + "/response",
                        Map.of("ratings", Map.of("trust-1", 2)))
                .andExpect(status().isCreated());
        getAs(personToken(r.get("lea")), "/api/feedback-requests/" + r.get("leaRequest"))
                .andExpect(jsonPath("$.visibility.responded").value(2))
                .andExpect(jsonPath("$.visibility.shown").value(false));
        postAs(
                        personToken(r.get("kim")),
                        "/api/feedback-requests/" + r.get("kimRequest") + "/response",
                        Map.of("ratings", Map.of("trust-1", 5)))
                .andExpect(status().isCreated());
        getAs(personToken(r.get("lea")), "/api/feedback-requests/" + r.get("leaRequest"))
                .andExpect(jsonPath("$.visibility.responded").value(3))
                .andExpect(jsonPath("$.visibility.shown").value(true));
        getAs(personToken(r.get("mo")), "/api/feedback-requests/" + r.get("moRequest"))
                .andExpect(jsonPath("$.visibility.relationship").value("SELF"))
                .andExpect(jsonPath("$.visibility.anonymous").value(false))
                .andExpect(jsonPath("$.visibility.shown").value(true));
    }

    @Test
    void inAGroupOfFewerThanTheThresholdTheRaterSeesNoCountAtAll() throws Exception {
        // mo's manager rates mo; mo's two peers are a group too small to ever be shown
        Map<String, String> id = importAndGetIds(List.of(
                person(email("boss"), "Boss", null),
                person(email("mo"), "Mo", email("boss")),
                person(email("pia"), "Pia", email("boss")),
                person(email("ole"), "Ole", email("boss"))));
        String cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of(
                                "name",
                                "Small " + tag,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(id.get("mo")))))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        String pia = requestsOf(id.get("pia")).get(0).get("id").asString();
        String ole = requestsOf(id.get("ole")).get(0).get("id").asString();
        postAs(
                        personToken(id.get("ole")),
                        "/api/feedback-requests/" + ole + "/response",
                        Map.of("ratings", Map.of("trust-1", 4)))
                .andExpect(status().isCreated());
        // with a count, Pia would know that Ole answered
        getAs(personToken(id.get("pia")), "/api/feedback-requests/" + pia)
                .andExpect(jsonPath("$.visibility.relationship").value("PEER"))
                .andExpect(jsonPath("$.visibility.responded").doesNotExist())
                .andExpect(jsonPath("$.visibility.shown").value(false));
    }
}
