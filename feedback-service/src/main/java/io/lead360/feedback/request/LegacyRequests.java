package io.lead360.feedback.request;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * lead360 0.1 stored submissions in the request document next to the rater (as an outbox entry, or
 * earlier as answers), drafts in the clear and reminder points per request. This version cannot take
 * such a database over without breaking its promise that nothing stored links a rater to what they
 * wrote, and it does not guess: it refuses to start, saying what to do.
 */
@Component
class LegacyRequests implements InitializingBean {

    private static final List<String> LEGACY_FIELDS = List.of("outbox", "ratings", "comments", "remindersSent");

    private final MongoTemplate mongo;

    LegacyRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Query legacy = Query.query(new Criteria()
                .orOperator(
                        LEGACY_FIELDS.stream().map(f -> where(f).exists(true)).toList()));
        if (mongo.exists(legacy, FeedbackRequest.COLLECTION)) {
            throw new IllegalStateException("This feedback database was written by lead360 0.1, which kept answers, "
                    + "drafts or reminder times next to raters. lead360 0.2 does not migrate it: start from an empty "
                    + "database (with ./lead360: ./lead360 down, then remove $LEAD360_HOME/data), see CHANGELOG.md.");
        }
    }
}
