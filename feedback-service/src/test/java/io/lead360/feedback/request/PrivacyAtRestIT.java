package io.lead360.feedback.request;

import io.lead360.feedback.it.AbstractIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Data written by earlier versions is brought up to the privacy rules when the service starts. */
class PrivacyAtRestIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PrivacyAtRest privacyAtRest;

    @Test
    void storedAnswersAndNotesOfClosedCyclesAreRemovedAtStartup() throws Exception {
        Map<String, String> id = importAndGetIds(List.of(person(email("m"), "M", null),
                person(email("a"), "A", email("m"))));
        String open = openCycle(id.get("m"));
        String closed = openCycle(id.get("m"));
        postAs(adminToken(), "/api/cycles/" + closed + "/close", null).andExpect(status().isOk());
        // what an earlier version left behind: answers next to the rater, notes after a close
        Update legacy = new Update().set("ratings", Map.of("trust-1", 4)).set("comments", Map.of("start", "old"))
                .set("draft", Map.of("comments", Map.of("stop", "old draft"))).set("declineReason", "old reason");
        mongo.updateMulti(Query.query(where("cycleId").in(open, closed)), legacy, "feedback_requests");

        privacyAtRest.afterPropertiesSet();

        assertThat(mongo.find(Query.query(where("cycleId").is(closed)), Document.class, "feedback_requests"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).doesNotContainKeys("ratings", "comments", "draft", "declineReason"));
        // an open cycle's drafts are the raters' work in progress and stay
        assertThat(mongo.find(Query.query(where("cycleId").is(open)), Document.class, "feedback_requests"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).doesNotContainKeys("ratings", "comments").containsKeys("draft"));
    }

    private String openCycle(String subjectId) throws Exception {
        String cycle = body(postAs(adminToken(), "/api/cycles", Map.of("name", "Legacy " + tag,
                "templateId", "leadership-360", "subjectIds", List.of(subjectId))).andExpect(status().isCreated()))
                .get("id").asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        return cycle;
    }
}
