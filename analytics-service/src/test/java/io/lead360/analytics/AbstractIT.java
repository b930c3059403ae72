package io.lead360.analytics;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import io.lead360.events.SubjectSeal;
import io.lead360.events.Topics;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for all integration tests, against real Kafka, a real MongoDB-protocol
 * server from {@link TestInfrastructure} and a real HTTP stand-in of feedback-service's key
 * endpoint ({@link FeedbackKeyEndpoint}). Events are sealed per subject as feedback-service seals
 * them. Tests use fresh cycle and subject ids, so they do not see each other's data.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AbstractIT {

    static final String CONSUMER_GROUP = "lead360-analytics";
    static final String FEEDBACK_DLT = Topics.FEEDBACK_SUBMITTED + Topics.DEAD_LETTER_SUFFIX;
    static final String CYCLE_DLT = Topics.CYCLE_EVENTS + Topics.DEAD_LETTER_SUFFIX;
    static final String INVALID_EVENT = "io.lead360.analytics.ingest.InvalidEventException";

    private static EventPublisher publisher;

    /** How feedback-service writes what it seals (the answers, invitations, tallies, releases). */
    private static final JsonMapper SEALED_JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerProperties(registry);
        FeedbackKeyEndpoint.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    /** Sends the event as feedback-service does: JSON with "type", keyed by its partition key. */
    RecordMetadata publish(FeedbackEvent event) {
        return publisher(json).publish(event);
    }

    /**
     * Waits until the service's consumer group has committed past the record, i.e. the record was
     * handled – for checks that something did NOT happen, where there is nothing else to wait for.
     */
    static void awaitConsumed(RecordMetadata sent, Duration patience) {
        var partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrap()))) {
            org.awaitility.Awaitility.await().atMost(patience).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS)
                        .get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    /** Dead letters with the key, waiting until there are at least {@code count}; read from the beginning. */
    static List<ConsumerRecord<String, String>> awaitDeadLetters(
            String topic, String key, int count, Duration patience) {
        var found = new ArrayList<ConsumerRecord<String, String>>();
        org.awaitility.Awaitility.await().atMost(patience).until(() -> {
            found.clear();
            found.addAll(deadLetters(topic, key));
            return found.size() >= count;
        });
        return found;
    }

    /** The dead letters with the key now: every partition read from its beginning to its end. */
    static List<ConsumerRecord<String, String>> deadLetters(String topic, String key) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrap(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var found = new ArrayList<ConsumerRecord<String, String>>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    void publishRaw(String topic, String key, String value) {
        publisher(json).publishRaw(topic, key, value);
    }

    static String bearer(String personId, String... roles) {
        return "Bearer " + TestTokens.get().accessToken(personId, personId + "@acme.test", personId, List.of(roles));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static CycleOpened.Questionnaire questionnaire() {
        return new CycleOpened.Questionnaire(
                "leadership-360",
                "Leadership 360",
                List.of(
                        new CycleOpened.Competency(
                                "TRUST",
                                "Trust",
                                List.of(
                                        new CycleOpened.Item("t1", "trusts me to decide", false),
                                        new CycleOpened.Item("t2", "lets the team work autonomously", false),
                                        new CycleOpened.Item("t3", "second-guesses decisions", true))),
                        new CycleOpened.Competency(
                                "VISION",
                                "Vision",
                                List.of(
                                        new CycleOpened.Item("v1", "communicates where we are going", false),
                                        new CycleOpened.Item("v2", "keeps us focused", false)))),
                List.of(
                        new CycleOpened.OpenQuestion("start", "Start"),
                        new CycleOpened.OpenQuestion("stop", "Stop"),
                        new CycleOpened.OpenQuestion("continue", "Continue")));
    }

    /** Nobody nominated by an administrator. */
    static CycleOpened cycleOpened(String cycleId, int threshold, Map<String, Map<Relationship, Integer>> invited) {
        return cycleOpened(cycleId, threshold, invited, Map.of());
    }

    /** Each subject's invitations sealed with their key, as feedback-service opens a cycle. */
    static CycleOpened cycleOpened(
            String cycleId,
            int threshold,
            Map<String, Map<Relationship, Integer>> invited,
            Map<String, Map<Relationship, Integer>> nominatedByAdministrator) {
        UUID eventId = UUID.randomUUID();
        CycleOpened.Questionnaire questionnaire = questionnaire();
        var parts = new ArrayList<SealedSubject>();
        new TreeMap<>(invited)
                .forEach((subjectId, counts) -> parts.add(sealed(
                        subjectId,
                        SubjectSeal.context("CycleOpened", eventId, cycleId, subjectId),
                        new CycleOpened.Invitations(
                                counts,
                                nominatedByAdministrator.getOrDefault(subjectId, Map.of()),
                                threshold,
                                questionnaire.fingerprint()))));
        return new CycleOpened(
                eventId,
                CycleOpened.VERSION,
                Instant.now(),
                cycleId,
                "Cycle " + cycleId,
                threshold,
                questionnaire,
                parts);
    }

    static FeedbackSubmitted submission(
            String cycleId,
            String subjectId,
            Relationship relationship,
            Map<String, Integer> ratings,
            Map<String, String> comments) {
        return submission(
                cycleId,
                subjectId,
                Instant.now().truncatedTo(ChronoUnit.DAYS),
                new FeedbackSubmitted.Answers(relationship, "leadership-360", ratings, comments));
    }

    static FeedbackSubmitted submission(
            String cycleId, String subjectId, Instant day, FeedbackSubmitted.Answers answers) {
        UUID eventId = UUID.randomUUID();
        String sealed = SubjectSeal.seal(
                FeedbackKeyEndpoint.get().keyOf(subjectId),
                SubjectSeal.context("FeedbackSubmitted", eventId, cycleId, subjectId),
                SEALED_JSON.writeValueAsBytes(answers));
        return new FeedbackSubmitted(eventId, FeedbackSubmitted.VERSION, day, cycleId, subjectId, sealed);
    }

    /** Every response counted is published (no group ended below the threshold). */
    static CycleClosed cycleClosed(String cycleId, Map<String, Map<Relationship, Integer>> responded) {
        return cycleClosed(cycleId, responded, responded);
    }

    static CycleClosed cycleClosed(
            String cycleId,
            Map<String, Map<Relationship, Integer>> responded,
            Map<String, Map<Relationship, Integer>> published) {
        return cycleClosed(cycleId, Instant.now(), responded, published);
    }

    static CycleClosed cycleClosed(
            String cycleId,
            Instant at,
            Map<String, Map<Relationship, Integer>> responded,
            Map<String, Map<Relationship, Integer>> published) {
        UUID eventId = UUID.randomUUID();
        var parts = new ArrayList<SealedSubject>();
        new TreeMap<>(responded)
                .forEach((subjectId, counts) -> parts.add(sealed(
                        subjectId,
                        SubjectSeal.context("CycleClosed", eventId, cycleId, subjectId),
                        new CycleClosed.Tally(counts, published.getOrDefault(subjectId, Map.of())))));
        return new CycleClosed(eventId, CycleClosed.VERSION, at, cycleId, parts);
    }

    static ResultsReleased resultsReleased(String cycleId, Collection<String> subjectIds) {
        return resultsReleased(cycleId, Instant.now(), subjectIds);
    }

    static ResultsReleased resultsReleased(String cycleId, Instant at, Collection<String> subjectIds) {
        UUID eventId = UUID.randomUUID();
        var parts = new ArrayList<SealedSubject>();
        new TreeSet<>(subjectIds)
                .forEach(subjectId -> parts.add(sealed(
                        subjectId,
                        SubjectSeal.context("ResultsReleased", eventId, cycleId, subjectId),
                        new ResultsReleased.Release(cycleId))));
        return new ResultsReleased(eventId, ResultsReleased.VERSION, at, cycleId, parts);
    }

    /** Answers sealed with a key that is not the subject's, as anyone without the keys would have to. */
    static FeedbackSubmitted forgedSubmission(String cycleId, String subjectId, String comment) {
        UUID eventId = UUID.randomUUID();
        var answers = new FeedbackSubmitted.Answers(
                Relationship.PEER, "leadership-360", Map.of("t1", 1), Map.of("start", comment));
        return new FeedbackSubmitted(
                eventId,
                FeedbackSubmitted.VERSION,
                Instant.now().truncatedTo(ChronoUnit.DAYS),
                cycleId,
                subjectId,
                SubjectSeal.seal(
                        SubjectSeal.newKey(),
                        SubjectSeal.context("FeedbackSubmitted", eventId, cycleId, subjectId),
                        SEALED_JSON.writeValueAsBytes(answers)));
    }

    private static SealedSubject sealed(String subjectId, String context, Object content) {
        return new SealedSubject(
                subjectId,
                SubjectSeal.seal(
                        FeedbackKeyEndpoint.get().keyOf(subjectId), context, SEALED_JSON.writeValueAsBytes(content)));
    }

    /** One for the shared broker, open for as long as the tests run. */
    private static synchronized EventPublisher publisher(JsonMapper json) {
        if (publisher == null) {
            publisher = new EventPublisher(TestInfrastructure.get().kafkaBootstrap(), json);
        }
        return publisher;
    }
}
