/**
 * The event pipeline, the one place that talks to Kafka: topics, the listener, reading, opening the sealed
 * parts with the subjects' keys, applying to the read model, dead letters, replays for a rebuild, Kafka's health.
 */
package io.lead360.analytics.ingest;
