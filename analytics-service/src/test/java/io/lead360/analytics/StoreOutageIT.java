package io.lead360.analytics;

import static io.lead360.analytics.AbstractIT.bearer;
import static io.lead360.analytics.AbstractIT.cycleOpened;
import static io.lead360.analytics.AbstractIT.submission;
import static io.lead360.analytics.AbstractIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.Relationship;
import io.lead360.events.Topics;
import io.lead360.infra.EmbeddedMongo;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * MongoDB goes away while events arrive: the service answers 503 problem+json, keeps retrying the
 * valid events (never dead-letters them) and applies each exactly once when the store is back.
 * A MongoDB-wire server of its own (stopped and started by the test) and a consumer group of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class StoreOutageIT {

    private static final EmbeddedMongo MONGO = startMongo();
    private static EventPublisher publisher;

    // not AbstractIT: its registration of the shared MongoDB would win over this one
    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::connectionString);
        registry.add(
                "spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrap());
        registry.add("lead360.auth.jwks-uri", () -> TestTokens.get().jwksUri());
        registry.add("spring.kafka.consumer.group-id", () -> "store-outage-" + UUID.randomUUID());
        registry.add("lead360.mongo.server-selection-timeout", () -> "1s");
        FeedbackKeyEndpoint.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ProfileAggregateStore aggregates;

    @AfterAll
    static void bringTheStoreBack() {
        MONGO.start();
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void validEventsWaitForTheStoreInsteadOfGoingToTheDeadLetterTopic() throws Exception {
        String subjectId = unique("lea");
        String cycleId = unique("cycle");
        publish(cycleOpened(cycleId, 3, Map.of(subjectId, Map.of(Relationship.PEER, 3))));
        publish(submission(cycleId, subjectId, Relationship.PEER, Map.of("t1", 4), Map.of()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(aggregates
                                .find(cycleId, subjectId)
                                .group(Relationship.PEER)
                                .responses())
                        .isEqualTo(1));

        MONGO.stop();
        publish(submission(cycleId, subjectId, Relationship.PEER, Map.of("t1", 2), Map.of()));
        publish(submission(cycleId, subjectId, Relationship.PEER, Map.of("t1", 5), Map.of()));
        mvc.perform(get("/api/profiles/" + subjectId)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, bearer("hr", "ADMIN")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503));
        // far longer than 3 attempts (1 s server selection + 0.5 s back-off each)
        Thread.sleep(8_000);
        MONGO.start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(aggregates
                                .find(cycleId, subjectId)
                                .group(Relationship.PEER)
                                .responses())
                        .isEqualTo(3));
        assertThat(deadLetterKeys()).doesNotContain(subjectId);
    }

    private void publish(FeedbackEvent event) {
        if (publisher == null) {
            publisher = new EventPublisher(TestInfrastructure.get().kafkaBootstrap(), json);
        }
        publisher.publish(event);
    }

    private static List<String> deadLetterKeys() {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrap(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            String dlt = Topics.FEEDBACK_SUBMITTED + Topics.DEAD_LETTER_SUFFIX;
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var keys = new ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }

    private static EmbeddedMongo startMongo() {
        try {
            EmbeddedMongo mongo = new EmbeddedMongo(Files.createTempDirectory("store-outage-it"), 0);
            mongo.start();
            return mongo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
