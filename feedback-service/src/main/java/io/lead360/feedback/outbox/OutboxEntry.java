package io.lead360.feedback.outbox;

/**
 * An event waiting in a document's embedded {@code outbox} array, written in the same
 * single-document update as the change that caused it.
 *
 * @param payload the event as JSON, exactly the Kafka record value
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload) {

    public static final String FIELD = "outbox";
}
