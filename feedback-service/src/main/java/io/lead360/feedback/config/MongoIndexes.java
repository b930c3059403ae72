package io.lead360.feedback.config;

import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes before the service takes traffic. The unique email index is what makes
 * the bootstrap admin and concurrent imports safe with several instances.
 */
@Component
public class MongoIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps("people")
                .createIndex(new Index("email", Sort.Direction.ASC).unique().named("email_unique"));
        mongo.indexOps("people").createIndex(new Index("managerId", Sort.Direction.ASC).named("managerId"));
        mongo.indexOps("feedback_requests").createIndex(new Index("raterId", Sort.Direction.ASC).named("raterId"));
        mongo.indexOps("feedback_requests").createIndex(new Index("cycleId", Sort.Direction.ASC).named("cycleId"));
        // request ids are random: this is what keeps one request per cycle, subject and rater (a retried open)
        mongo.indexOps("feedback_requests")
                .createIndex(new Index("cycleId", Sort.Direction.ASC)
                        .on("subjectId", Sort.Direction.ASC)
                        .on("raterId", Sort.Direction.ASC)
                        .unique()
                        .named("cycle_subject_rater_unique"));
        mongo.indexOps("nominations")
                .createIndex(new Index("cycleId", Sort.Direction.ASC)
                        .on("subjectId", Sort.Direction.ASC)
                        .on("raterId", Sort.Direction.ASC)
                        .unique()
                        .named("cycle_subject_rater_unique"));
        // the ballot publisher looks only at due ballots; the close and progress read a cycle's ballots
        mongo.indexOps("ballots").createIndex(new Index("due", Sort.Direction.ASC).named("due"));
        mongo.indexOps("ballots").createIndex(new Index("cycleId", Sort.Direction.ASC).named("cycleId"));
        mongo.indexOps("ballots").createIndex(new Index("subjectId", Sort.Direction.ASC).named("subjectId"));
        mongo.indexOps("cycles").createIndex(new Index("subjectIds", Sort.Direction.ASC).named("subjectIds"));
        // a refresh looks its session up by the token's hash (current, then spent); revocation by person
        mongo.indexOps("sessions").createIndex(new Index("refreshHash", Sort.Direction.ASC).named("refreshHash"));
        mongo.indexOps("sessions")
                .createIndex(new Index("previousRefreshHashes", Sort.Direction.ASC).named("previousRefreshHashes"));
        mongo.indexOps("sessions").createIndex(new Index("personId", Sort.Direction.ASC).named("personId"));
        // an import job is removed at its own expiresAt (lead360.people.import-jobs-kept-for when it started)
        mongo.indexOps("importJobs")
                .createIndex(new Index("expiresAt", Sort.Direction.ASC)
                        .expire(Duration.ZERO)
                        .named("expiresAt_ttl"));
    }
}
