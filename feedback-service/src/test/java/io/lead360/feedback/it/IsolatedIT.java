package io.lead360.feedback.it;

import io.lead360.testsupport.MutableClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For rules about the whole organisation or about time: a database of its own, emptied before each
 * test, and a clock the test moves. The auto-close job runs every 300 ms; the reminder job is
 * called by the tests themselves.
 */
@Import(IsolatedIT.ClockConfig.class)
abstract class IsolatedIT extends AbstractIT {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "lead360_feedback_isolated");
        registry.add("lead360.cycles.auto-close-interval", () -> "300ms");
        registry.add("lead360.reminders.check-interval", () -> "1h");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void emptyDatabase() {
        clock.reset();
        for (String collection : List.of(
                "people",
                "cycles",
                "feedback_requests",
                "nominations",
                "templates",
                "ballots",
                "subject_keys",
                "mail_outbox",
                "password_links")) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
    }
}
