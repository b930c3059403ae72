package io.lead360.analytics;

import io.lead360.analytics.ingest.ProfileAggregateStore;
import io.lead360.events.Relationship;
import io.lead360.events.Topics;
import io.lead360.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIT extends IntegrationTestBase {

    private static final String DLT = Topics.FEEDBACK_SUBMITTED + Topics.DEAD_LETTER_SUFFIX;

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

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(aggregates.find(cycleId, subjectId).group(Relationship.PEER).responses()).isEqualTo(1));

        ConsumerRecord<String, String> dead = awaitDeadLetter(subjectId);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("io.lead360.analytics.ingest.InvalidEventException");
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var found = new ArrayList<ConsumerRecord<String, String>>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
