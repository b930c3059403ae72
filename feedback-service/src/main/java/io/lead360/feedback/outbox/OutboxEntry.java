package io.lead360.feedback.outbox;

/**
 * An event waiting in a document's embedded {@code outbox} array, written in the same
 * single-document update as the change that caused it.
 *
 * @param payload   the event as JSON, exactly the Kafka record value
 * @param timestamp the Kafka record timestamp (epoch millis): the event's {@code occurredAt}, so that
 *                  the record is no more precise than the event (a FeedbackSubmitted says only the
 *                  day); null in entries written by earlier versions (the producer's clock is used)
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload, Long timestamp) {

    public static final String FIELD = "outbox";

    public OutboxEntry(String eventId, String topic, String key, String type, String payload) {
        this(eventId, topic, key, type, payload, null);
    }
}
