package io.lead360.feedback.outbox;

import java.time.Instant;

/**
 * An event waiting in a document's embedded {@code outbox} array, written in the same
 * single-document update as the change that caused it: an administrator's cycle transition or an
 * erasure, never a rater's submission (those wait in their ballot, without any time or trace).
 *
 * @param payload     the event as JSON, exactly the Kafka record value
 * @param writtenAt   when the entry was written (for the age of the oldest waiting entry); null in
 *                    entries written before lead360 recorded it
 * @param traceparent the W3C trace context of the administrator's request that wrote the entry, so that
 *                    its Kafka record and analytics' processing continue that trace; null without one
 */
public record OutboxEntry(
        String eventId, String topic, String key, String type, String payload, Instant writtenAt, String traceparent) {

    public static final String FIELD = "outbox";
    static final String WRITTEN_AT = "writtenAt";
    static final String TRACEPARENT = "traceparent";
}
