package io.lead360.feedback.outbox;

import io.lead360.events.EventHeaders;
import io.lead360.events.FeedbackSubmitted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends event records to Kafka the one way every publisher of feedback-service does: the event as
 * JSON value, its type in the {@link EventHeaders#EVENT_TYPE} header, and for a submission only the day
 * as the record's timestamp.
 */
@Component
public class EventSender {

    private static final String SUBMISSION_TYPE = FeedbackSubmitted.class.getSimpleName();
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin kafkaAdmin;
    /** Topics are (re)checked before the first send, in case the broker was down at startup. */
    private volatile boolean topicsReady;

    public EventSender(KafkaTemplate<String, String> kafka, KafkaAdmin kafkaAdmin) {
        this.kafka = kafka;
        this.kafkaAdmin = kafkaAdmin;
    }

    /** Completes when the broker acknowledged the record (acks=all), exceptionally when it did not. */
    public CompletableFuture<?> send(String topic, String key, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, recordTimestamp(type), key, payload);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    /** Whether the topics exist (creating them if the broker is reachable); false while it is not. */
    public boolean topicsReady() {
        if (!topicsReady) {
            topicsReady = kafkaAdmin.initialize();
        }
        return topicsReady;
    }

    /**
     * A submission's record carries only the day, like the event itself: otherwise the record's own
     * timestamp would tell the minute it was published. Other records keep the producer's time (null).
     * Wall-clock time on purpose, not the service's Clock: the broker refuses timestamps far from its own.
     */
    static Long recordTimestamp(String eventType) {
        if (!SUBMISSION_TYPE.equals(eventType)) {
            return null;
        }
        long now = System.currentTimeMillis();
        return now - Math.floorMod(now, DAY_MILLIS);
    }
}
