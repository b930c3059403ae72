package io.lead360.feedback.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Boot's Mongo health check sends {@code hello}, which the embedded MongoDB-wire server does not
 * answer; {@code ping} works on both it and real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
class MongoPingHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", mongo.getDb().getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
