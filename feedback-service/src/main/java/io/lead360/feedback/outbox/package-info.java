/**
 * The transactional outbox: cycle and erasure events are stored with the change they describe and
 * published to Kafka afterwards until Kafka has them; EventSender is the one way events go out.
 */
package io.lead360.feedback.outbox;
