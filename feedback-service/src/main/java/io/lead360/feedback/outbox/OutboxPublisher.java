package io.lead360.feedback.outbox;

import io.lead360.events.FeedbackSubmitted;
import io.lead360.feedback.config.FeedbackProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Moves outbox entries to Kafka: send, wait for the broker's ack, then pull the entry. A crash
 * between the two publishes twice (consumers are idempotent); Kafka down leaves entries waiting.
 * Runs on the scheduler thread, never on a request thread.
 */
@Component
class OutboxPublisher implements SchedulingConfigurer {

    static final String EVENT_TYPE_HEADER = "lead360-event-type";
    /**
     * The collections whose documents carry an outbox array, in publishing order: a round sends the
     * submissions waiting on requests before an erasure's PersonErased, so that analytics deletes
     * a profile after, not before, the last answers about that person.
     */
    static final List<String> COLLECTIONS = List.of("cycles", "feedback_requests", "erasures");

    private static final String SUBMISSION_TYPE = FeedbackSubmitted.class.getSimpleName();
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin kafkaAdmin;
    private final FeedbackProperties.Outbox settings;
    /** Topics are (re)checked before the first send, in case the broker was down at startup. */
    private volatile boolean topicsReady;

    OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, String> kafka, KafkaAdmin kafkaAdmin,
                    FeedbackProperties properties) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.kafkaAdmin = kafkaAdmin;
        this.settings = properties.outbox();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::publishSafely, settings.pollInterval());
    }

    void publishSafely() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            log.warn("Outbox round failed, retrying later: {}", e.toString());
        }
    }

    /** @return how many entries were published */
    int publishPending() {
        int published = 0;
        for (String collection : COLLECTIONS) {
            Query pending = Query.query(where(OutboxEntry.FIELD + ".0").exists(true)).limit(settings.batchSize());
            pending.fields().include(OutboxEntry.FIELD);
            List<Document> documents = mongo.find(pending, Document.class, collection);
            if (!documents.isEmpty() && !ensureTopics()) {
                return published;
            }
            for (Document document : documents) {
                List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class);
                for (Document entry : entries) {
                    if (!send(entry)) {
                        return published; // broker unreachable: stop the round, keep the order
                    }
                    mongo.updateFirst(Query.query(where("_id").is(document.get("_id"))),
                            new Update().pull(OutboxEntry.FIELD, new Document("eventId", entry.getString("eventId"))),
                            collection);
                    published++;
                }
            }
        }
        return published;
    }

    /**
     * A submission's record carries only the day, like the event itself: otherwise the record's own
     * timestamp would tell the minute someone answered. Other records keep the producer's time (null).
     * Wall-clock time on purpose, not the service's Clock: the broker refuses timestamps far from its own.
     */
    static Long recordTimestamp(String eventType) {
        if (!SUBMISSION_TYPE.equals(eventType)) {
            return null;
        }
        long now = System.currentTimeMillis();
        return now - Math.floorMod(now, DAY_MILLIS);
    }

    private boolean ensureTopics() {
        if (!topicsReady) {
            topicsReady = kafkaAdmin.initialize();
        }
        return topicsReady;
    }

    private boolean send(Document entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"), null,
                recordTimestamp(entry.getString("type")), entry.getString("key"), entry.getString("payload"));
        record.headers().add(EVENT_TYPE_HEADER, entry.getString("type").getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Could not publish event {} to {}: {}", entry.getString("eventId"), entry.getString("topic"),
                    e.toString());
            return false;
        }
    }
}
