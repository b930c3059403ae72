package io.lead360.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.events.Relationship;
import io.lead360.events.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeadLetterIT extends AbstractIT {

    @Autowired
    ProfileAggregateStore aggregates;

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheEventBehindItIsStillApplied() {
        String subjectId = unique("lea");
        String cycleId = unique("cycle");
        String garbage = "{ this is not an event " + subjectId;

        // Same key, so the same partition: the valid event waits behind the garbage.
        publishRaw(Topics.FEEDBACK_SUBMITTED, subjectId, garbage);
        publish(submission(cycleId, subjectId, Relationship.PEER, Map.of("t1", 4), Map.of()));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(aggregates
                                .find(cycleId, subjectId)
                                .group(Relationship.PEER)
                                .responses())
                        .isEqualTo(1));

        ConsumerRecord<String, String> dead = awaitDeadLetters(FEEDBACK_DLT, subjectId, 1, Duration.ofSeconds(60))
                .get(0);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(INVALID_EVENT);
    }
}
