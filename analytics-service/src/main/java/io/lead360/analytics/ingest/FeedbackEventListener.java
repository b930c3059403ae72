package io.lead360.analytics.ingest;

import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.Topics;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Applies the feedback and cycle events a batch at a time: read, opened with the subjects' keys,
 * applied. A failure names the record it happened at, so the container's error handler commits
 * what came before and retries from there: an invalid event goes to the dead-letter topic at once,
 * a failure of MongoDB or of feedback-service's key endpoint is retried until it passes, anything
 * else a bounded number of times.
 */
@Component
class FeedbackEventListener {

    private final EventReader reader;
    private final EventOpener opener;
    private final EventApplier applier;
    private final ActiveCollections collections;
    private final IngestMetrics metrics;
    private final ApplyObservations observations;

    FeedbackEventListener(
            EventReader reader,
            EventOpener opener,
            EventApplier applier,
            ActiveCollections collections,
            IngestMetrics metrics,
            ApplyObservations observations) {
        this.reader = reader;
        this.opener = opener;
        this.applier = applier;
        this.collections = collections;
        this.metrics = metrics;
        this.observations = observations;
    }

    @KafkaListener(
            topics = {Topics.FEEDBACK_SUBMITTED, Topics.CYCLE_EVENTS},
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<Observation> applying = observations.start(records);
        try {
            apply(records);
        } catch (BatchListenerFailedException e) {
            // the records before it were applied; those after it come again
            int failed = e.getIndex();
            if (failed >= 0 && failed < applying.size()) {
                applying.get(failed).error(e.getCause() == null ? e : e.getCause());
            }
            throw e;
        } finally {
            applying.forEach(Observation::stop);
        }
    }

    private void apply(List<ConsumerRecord<String, String>> records) {
        var events = new ArrayList<FeedbackEvent>(records.size());
        RuntimeException failure = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(reader.read(record.value()));
            } catch (InvalidEventException e) {
                failure = e;
                break;
            }
        }
        int failedAt = events.size();
        EventOpener.Opening opening = opener.open(events);
        Optional<EventOpener.Opening.Failure> notOpened = opening.firstFailure();
        if (notOpened.isPresent()) {
            failure = notOpened.get().cause();
            failedAt = notOpened.get().index();
        }
        // Read after the poll: a rebuild that started before these records were written sees them.
        try {
            metrics.counted(applier.apply(opening.upToFirstFailure(), collections.writeTargets()));
        } catch (EventApplier.EventApplyException e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        } catch (RuntimeException e) {
            // e.g. MongoDB away before anything was written: name the first record, so that the error
            // handler's per-record rules (retry while the failure is transient) apply, not its
            // whole-batch fallback, which would dead-letter every valid event of the batch
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
        if (failure != null) {
            throw new BatchListenerFailedException(failure.getMessage(), failure, failedAt);
        }
    }
}
