package io.lead360.analytics.config;

import io.lead360.service.MongoFailFast;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MongoDB away: answer 503 within the configured timeouts instead of waiting 30 s. */
@Configuration(proxyBeanMethods = false)
class MongoClientConfig {

    @Bean
    MongoClientSettingsBuilderCustomizer failFastWhenMongoIsAway(AnalyticsProperties properties) {
        AnalyticsProperties.Mongo mongo = properties.mongo();
        return MongoFailFast.customizer(mongo.serverSelectionTimeout(), mongo.connectTimeout());
    }
}
