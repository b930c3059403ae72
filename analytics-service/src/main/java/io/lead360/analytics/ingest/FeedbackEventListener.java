package io.lead360.analytics.ingest;

import io.lead360.analytics.cycle.CycleStore;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.ResultsReleased;
import io.lead360.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the feedback and cycle events. Failures are left to the container's error handler
 * (bounded retries, then the dead-letter topic); an invalid value is not retried at all.
 */
@Component
class FeedbackEventListener {

    private static final Logger log = LoggerFactory.getLogger(FeedbackEventListener.class);

    private final EventReader reader;
    private final ProfileAggregateStore aggregates;
    private final CycleStore cycles;

    FeedbackEventListener(EventReader reader, ProfileAggregateStore aggregates, CycleStore cycles) {
        this.reader = reader;
        this.aggregates = aggregates;
        this.cycles = cycles;
    }

    @KafkaListener(topics = {Topics.FEEDBACK_SUBMITTED, Topics.CYCLE_EVENTS})
    void on(ConsumerRecord<String, String> record) {
        FeedbackEvent event = reader.read(record.value());
        if (event instanceof FeedbackSubmitted submitted) {
            if (!aggregates.apply(submitted)) {
                log.debug("event {} was applied before; skipped", submitted.eventId());
            }
        } else if (event instanceof CycleOpened opened) {
            cycles.applyOpened(opened);
        } else if (event instanceof CycleClosed closed) {
            cycles.applyClosed(closed);
        } else if (event instanceof ResultsReleased released) {
            cycles.applyReleased(released);
        }
    }
}
