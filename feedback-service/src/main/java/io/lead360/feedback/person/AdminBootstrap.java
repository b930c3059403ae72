package io.lead360.feedback.person;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.config.MongoIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** On an empty database, the first administrator comes from LEAD360_BOOTSTRAP_ADMIN_*. */
@Component
class AdminBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final PersonService people;
    private final FeedbackProperties properties;

    // MongoIndexes is injected so the unique email index exists before the insert
    AdminBootstrap(PersonService people, FeedbackProperties properties, MongoIndexes indexes) {
        this.people = people;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        FeedbackProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (people.bootstrapAdmin(admin.email(), admin.password())) {
            log.info("Created the bootstrap administrator {}", admin.email());
        }
    }
}
