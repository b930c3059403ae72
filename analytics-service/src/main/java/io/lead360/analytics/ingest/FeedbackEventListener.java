package io.lead360.analytics.ingest;

import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the feedback and cycle events a batch at a time. A failure names the record it happened
 * at, so the container's error handler commits what came before, retries from there (bounded),
 * then sends that record to the dead-letter topic; an invalid value is not retried at all.
 */
@Component
class FeedbackEventListener {

    private final EventReader reader;
    private final EventApplier applier;
    private final ActiveCollections collections;
    private final IngestMetrics metrics;

    FeedbackEventListener(EventReader reader, EventApplier applier, ActiveCollections collections, IngestMetrics metrics) {
        this.reader = reader;
        this.applier = applier;
        this.collections = collections;
        this.metrics = metrics;
    }

    @KafkaListener(topics = {Topics.FEEDBACK_SUBMITTED, Topics.CYCLE_EVENTS}, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        var events = new ArrayList<FeedbackEvent>(records.size());
        InvalidEventException invalid = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(reader.read(record.value()));
            } catch (InvalidEventException e) {
                invalid = e;
                break;
            }
        }
        // Read after the poll: a rebuild that started before these records were written sees them.
        try {
            metrics.counted(applier.apply(events, collections.writeTargets()));
        } catch (EventApplier.EventApplyException e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        } catch (RuntimeException e) {
            // e.g. MongoDB away before anything was written: name the first record, so that the error
            // handler's per-record rules (retry while the failure is transient) apply, not its
            // whole-batch fallback, which would dead-letter every valid event of the batch
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
        if (invalid != null) {
            throw new BatchListenerFailedException(invalid.getMessage(), invalid, events.size());
        }
    }
}
