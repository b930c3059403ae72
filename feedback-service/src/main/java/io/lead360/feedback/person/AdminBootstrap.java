package io.lead360.feedback.person;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.config.MongoIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * On an empty database, the first administrator comes from LEAD360_BOOTSTRAP_ADMIN_*. There is no
 * default password: without one nobody is created, and the log says why (nobody could sign in otherwise,
 * and the reason would be hard to guess).
 */
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
        if (admin.password() == null || admin.password().isBlank()) {
            if (people.nobodyYet()) {
                log.warn(
                        "No bootstrap administrator was created: LEAD360_BOOTSTRAP_ADMIN_PASSWORD is not set. "
                                + "Set it and restart to create {} (./lead360 up generates one).",
                        admin.email());
            }
            return;
        }
        if (people.bootstrapAdmin(admin.email(), admin.password())) {
            log.info("Created the bootstrap administrator {}", admin.email());
        }
    }
}
