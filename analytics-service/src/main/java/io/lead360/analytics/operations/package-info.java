/**
 * The management port's security chain; what readiness asks of Kafka is the event pipeline's
 * ({@code ingest.KafkaHealthIndicator}).
 */
package io.lead360.analytics.operations;
