package io.lead360.feedback.request;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.it.AbstractIT;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** A database written by lead360 0.1 (answers and reminder times next to raters) is refused, not taken over. */
class LegacyRequestsIT extends AbstractIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LegacyRequests legacy;

    @Test
    void aRequestHoldingAnswersNextToItsRaterStopsTheStart() {
        String id = UUID.randomUUID().toString();
        mongo.insert(
                new Document("_id", id)
                        .append("raterId", "r-" + tag)
                        .append("status", "SUBMITTED")
                        .append("outbox", java.util.List.of(Map.of("type", "FeedbackSubmitted"))),
                "feedback_requests");
        try {
            assertThatThrownBy(legacy::afterPropertiesSet)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lead360 0.1")
                    .hasMessageContaining("empty database");
        } finally {
            mongo.remove(Query.query(where("_id").is(id)), "feedback_requests");
        }
    }
}
