package io.lead360.feedback.request;

import io.lead360.feedback.cycle.CycleService;
import io.lead360.feedback.cycle.CycleStatus;
import io.lead360.feedback.cycle.CycleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Brings data written by earlier versions up to today's privacy rules at startup: requests once
 * stored the submitted answers next to the rater's id, and a crash right after a cycle closed could
 * leave its drafts and decline reasons behind. Both steps are idempotent and touch nothing else.
 */
@Component
class PrivacyAtRest implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PrivacyAtRest.class);
    /** Fields earlier versions stored on a submitted request. */
    private static final List<String> LEGACY_ANSWER_FIELDS = List.of("ratings", "comments");

    private final MongoTemplate mongo;
    private final CycleService cycles;
    private final FeedbackRequests requests;

    PrivacyAtRest(MongoTemplate mongo, CycleService cycles, FeedbackRequests requests) {
        this.mongo = mongo;
        this.cycles = cycles;
        this.requests = requests;
    }

    @Override
    public void afterPropertiesSet() {
        Update unsetAnswers = new Update();
        LEGACY_ANSWER_FIELDS.forEach(unsetAnswers::unset);
        long answers = mongo.updateMulti(Query.query(new org.springframework.data.mongodb.core.query.Criteria()
                        .orOperator(LEGACY_ANSWER_FIELDS.stream().map(f -> where(f).exists(true)).toList())),
                unsetAnswers, FeedbackRequest.COLLECTION).getModifiedCount();
        List<String> closed = cycles.list().stream()
                .filter(c -> c.status() == CycleStatus.CLOSED || c.status() == CycleStatus.RELEASED)
                .map(CycleView::id).toList();
        long notes = requests.forgetRaterNotes(closed);
        if (answers > 0 || notes > 0) {
            log.info("privacy at rest: removed stored answers from {} and drafts/decline reasons from {} requests",
                    answers, notes);
        }
    }
}
