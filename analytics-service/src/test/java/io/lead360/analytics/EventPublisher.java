package io.lead360.analytics;

import io.lead360.events.EventHeaders;
import io.lead360.events.FeedbackEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events to a broker as feedback-service does: JSON with {@code "type"}, keyed by the event's
 * partition key, with the {@link EventHeaders#EVENT_TYPE} header; every send waits for all replicas.
 */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final JsonMapper json;

    EventPublisher(String bootstrapServers, JsonMapper json) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
        this.json = json;
    }

    RecordMetadata publish(FeedbackEvent event) {
        var record =
                new ProducerRecord<String, String>(event.topic(), event.partitionKey(), json.writeValueAsString(event));
        record.headers()
                .add(EventHeaders.EVENT_TYPE, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        return send(record);
    }

    /** Whatever value, without a type header: for what a stray Kafka writer could put on a topic. */
    RecordMetadata publishRaw(String topic, String key, String value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
