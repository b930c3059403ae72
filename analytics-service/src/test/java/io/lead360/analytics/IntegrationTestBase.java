package io.lead360.analytics;

import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One application context for all integration tests, against real Kafka and a real
 * MongoDB-protocol server from {@link TestInfrastructure}. Tests use fresh cycle and subject ids,
 * so they do not see each other's data.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class IntegrationTestBase {

    static final String EVENT_TYPE_HEADER = "lead360-event-type";
    static final String CONSUMER_GROUP = "lead360-analytics";

    private static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerProperties(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    /** Sends the event as feedback-service does: JSON with "type", keyed by its partition key. */
    RecordMetadata publish(FeedbackEvent event) {
        var record = new ProducerRecord<String, String>(event.topic(), event.partitionKey(), json.writeValueAsString(event));
        record.headers().add(EVENT_TYPE_HEADER, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        return send(record);
    }

    /**
     * Waits until the service's consumer group has committed past the record, i.e. the record was
     * handled – for checks that something did NOT happen, where there is nothing else to wait for.
     */
    static void awaitConsumed(RecordMetadata sent, Duration patience) {
        var partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrap()))) {
            org.awaitility.Awaitility.await().atMost(patience).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    static String bearer(String personId, String... roles) {
        return "Bearer " + TestTokens.get().accessToken(personId, personId + "@acme.test", personId, List.of(roles));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static CycleOpened cycleOpened(String cycleId, int threshold, Map<String, Map<Relationship, Integer>> invited) {
        var questionnaire = new CycleOpened.Questionnaire("leadership-360", "Leadership 360", List.of(
                new CycleOpened.Competency("TRUST", "Trust", List.of(
                        new CycleOpened.Item("t1", "trusts me to decide", false),
                        new CycleOpened.Item("t2", "lets the team work autonomously", false),
                        new CycleOpened.Item("t3", "second-guesses decisions", true))),
                new CycleOpened.Competency("VISION", "Vision", List.of(
                        new CycleOpened.Item("v1", "communicates where we are going", false),
                        new CycleOpened.Item("v2", "keeps us focused", false)))),
                List.of(new CycleOpened.OpenQuestion("start", "Start"), new CycleOpened.OpenQuestion("stop", "Stop"),
                        new CycleOpened.OpenQuestion("continue", "Continue")));
        return new CycleOpened(UUID.randomUUID(), CycleOpened.VERSION, Instant.now(), cycleId, "Cycle " + cycleId,
                threshold, questionnaire, invited);
    }

    static FeedbackSubmitted submission(String cycleId, String subjectId, Relationship relationship,
                                        Map<String, Integer> ratings, Map<String, String> comments) {
        return new FeedbackSubmitted(UUID.randomUUID(), FeedbackSubmitted.VERSION,
                Instant.now().truncatedTo(ChronoUnit.DAYS), cycleId, subjectId, "leadership-360",
                relationship, ratings, comments);
    }

    private static synchronized RecordMetadata send(ProducerRecord<String, String> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }
}
