package io.lead360.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.lead360.analytics.ingest.IngestMetrics;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import io.lead360.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Not a test with a time limit: prints how fast FeedbackSubmitted events are applied through the
 * real (embedded) Kafka broker and MongoDB-wire server, live and when replayed by a rebuild.
 * Run: {@code ./mvnw -B -pl analytics-service verify -Pbenchmarks -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ReplayBenchmark extends AbstractIT {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);
    private static final int SUBJECTS = 1_000;
    private static final Duration PATIENCE = Duration.ofMinutes(40);

    @Autowired
    MeterRegistry meters;

    @Test
    void replayThroughput() throws Exception {
        String cycleId = unique("bench");
        var invited = new HashMap<String, Map<Relationship, Integer>>();
        for (int s = 0; s < SUBJECTS; s++) {
            invited.put("subject-" + s, Map.of(Relationship.DIRECT_REPORT, EVENTS / SUBJECTS));
        }
        publish(cycleOpened(cycleId, 3, invited));
        double appliedBefore = applied();

        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrap(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        262_144,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            var random = ThreadLocalRandom.current();
            Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
            for (int i = 0; i < EVENTS; i++) {
                String subjectId = "subject-" + (i % SUBJECTS);
                var ratings = new HashMap<String, Integer>();
                for (String item : new String[] {"t1", "t2", "t3", "v1", "v2"}) {
                    ratings.put(item, random.nextInt(10) == 0 ? null : 1 + random.nextInt(5));
                }
                var event = submission(
                        cycleId,
                        subjectId,
                        day,
                        new FeedbackSubmitted.Answers(
                                Relationship.DIRECT_REPORT,
                                "leadership-360",
                                ratings,
                                random.nextInt(4) == 0 ? Map.of("start", "comment " + i) : Map.of()));
                producer.send(
                        new ProducerRecord<>(event.topic(), event.partitionKey(), json.writeValueAsString(event)));
            }
            producer.flush();
        }
        double produced = seconds(start);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> applied() - appliedBefore >= EVENTS);
        double live = seconds(start);
        System.out.printf(
                Locale.ROOT,
                "%n[benchmark] live: %d FeedbackSubmitted produced in %.1f s and applied in %.1f s: %.0f events/s%n",
                EVENTS,
                produced,
                live,
                EVENTS / live);

        var responded = new HashMap<String, Map<Relationship, Integer>>(invited);
        publish(cycleClosed(cycleId, responded));
        publish(resultsReleased(cycleId, responded.keySet()));
        String admin = bearer(unique("hr"), "ADMIN");
        await().atMost(PATIENCE)
                .until(() -> mvc.perform(get("/api/profiles/{id}", "subject-0")
                                        .param("cycleId", cycleId)
                                        .header(HttpHeaders.AUTHORIZATION, admin))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 200);
        String before = mvc.perform(get("/api/profiles/{id}", "subject-7")
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andReturn()
                .getResponse()
                .getContentAsString();

        long rebuildStart = System.nanoTime();
        JsonNode started =
                json.readTree(mvc.perform(post("/api/admin/profiles/rebuild").header(HttpHeaders.AUTHORIZATION, admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        String rebuildId = started.get("rebuildId").asString();
        var status = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            status[0] = json.readTree(mvc.perform(
                            get("/api/admin/profiles/rebuild/{id}", rebuildId).header(HttpHeaders.AUTHORIZATION, admin))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            return !"RUNNING".equals(status[0].get("status").asString());
        });
        double rebuild = seconds(rebuildStart);
        long replayed = status[0].get("events").asLong();
        System.out.printf(
                Locale.ROOT,
                "[benchmark] rebuild %s: %d events replayed (both topics) in %.1f s: %.0f events/s%n%n",
                status[0].get("status").asString(),
                replayed,
                rebuild,
                replayed / rebuild);
        assertThat(status[0].get("status").asString()).isEqualTo("DONE");
        assertThat(mvc.perform(get("/api/profiles/{id}", "subject-7")
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo(before);
    }

    private double applied() {
        return meters.get(IngestMetrics.APPLIED).counter().count();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
