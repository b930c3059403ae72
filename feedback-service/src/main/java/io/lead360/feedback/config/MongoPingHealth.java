package io.lead360.feedback.config;

import io.lead360.service.MongoPingHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** MongoDB's health by {@code ping}, which the embedded MongoDB-wire server answers too. */
@Configuration(proxyBeanMethods = false)
class MongoPingHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
