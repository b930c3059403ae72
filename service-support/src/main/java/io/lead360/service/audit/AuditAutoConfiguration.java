package io.lead360.service.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Every service with a MongoDB store gets the one {@link AuditLog}, on its own {@code audit_log} collection. */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        after = io.lead360.service.config.ServiceConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
public class AuditAutoConfiguration {

    @Bean(initMethod = "createIndexes")
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    AuditLog auditLog(MongoTemplate mongo, Clock clock) {
        return new AuditLog(mongo, clock);
    }
}
