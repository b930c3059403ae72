package io.lead360.service.config;

import io.lead360.service.MongoFailFast;
import io.lead360.service.RequestBodyLimitFilter;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every lead360 service configures alike (an auto-configuration, so a service declares none of it):
 * the one clock (UTC; a test pins time by a clock bean of its own), no observations of Spring Security's
 * internals, and in the servlet services the
 * MongoDB client's fail-fast timeouts and the request-body limits.
 */
@AutoConfiguration
@EnableConfigurationProperties({MongoTimeouts.class, HttpLimits.class})
public class ServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * No observation of Spring Security's own filters, authentications and authorizations: a span per
     * security filter says nothing an operator needs, and the request's server observation covers them.
     * Turned off here rather than filtered out afterwards, because the decoration of every filter of
     * every request costs CPU even when its observations are then dropped (issue 15, the gateway).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** MongoDB away: answer 503 within the configured timeouts instead of waiting 30 s. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
    static class MongoClient {

        @Bean
        MongoClientSettingsBuilderCustomizer failFastWhenMongoIsAway(MongoTimeouts mongo) {
            return MongoFailFast.customizer(mongo.serverSelectionTimeout(), mongo.connectTimeout());
        }
    }

    /** Bodies over {@link HttpLimits} answer 413 before anything parses them (the import path may be larger). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class BodyLimits {

        @Bean
        @ConditionalOnMissingBean
        RequestBodyLimitFilter requestBodyLimitFilter(HttpLimits limits, JsonMapper jsonMapper) {
            return new RequestBodyLimitFilter(
                    limits.maxBodySize(), Map.of(HttpLimits.IMPORT_PATH, limits.maxImportBodySize()), jsonMapper);
        }
    }
}
