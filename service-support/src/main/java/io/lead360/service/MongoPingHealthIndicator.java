package io.lead360.service;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Boot's MongoDB health check sends {@code hello}, which the embedded MongoDB-wire server does not
 * answer; {@code ping} works on it and on real MongoDB. Services register it as the bean
 * {@code mongoHealthIndicator}, which replaces Boot's.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            mongo.executeCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
