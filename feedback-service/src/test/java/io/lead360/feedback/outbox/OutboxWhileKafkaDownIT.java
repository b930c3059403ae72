package io.lead360.feedback.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.events.Topics;
import io.lead360.feedback.it.KafkaDownIT;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** With the broker unreachable a cycle still opens (its event waits in MongoDB), and is published once Kafka is reachable. */
class OutboxWhileKafkaDownIT extends KafkaDownIT {

    @Test
    void aCycleEventWaitsInTheOutboxUntilKafkaIsReachable() throws Exception {
        Team team = openCycleAboutABoss();

        // the app's own publisher keeps failing: the entry stays
        Thread.sleep(1500);
        assertThat(mongo.findById(team.cycleId(), Document.class, "cycles").getList("outbox", Document.class))
                .hasSize(1);

        OutboxPublisher recovered =
                new OutboxPublisher(mongo, senderToTheRealBroker(), properties, ObservationRegistry.NOOP);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recovered.publishPending();
            return mongo.findById(team.cycleId(), Document.class, "cycles")
                    .getList("outbox", Document.class)
                    .isEmpty();
        });
        assertThat(arrives(Topics.CYCLE_EVENTS, team.cycleId())).isTrue();
    }
}
