package io.lead360.analytics.ingest;

import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.profile.aggregate.CountedResponse;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;

/**
 * An event as {@link EventApplier} applies it: its sealed parts opened with the subjects' keys and
 * checked ({@link EventOpener}). Nothing that was sealed is read from the event itself any more.
 */
public sealed interface OpenedEvent
        permits OpenedEvent.Submission, OpenedEvent.OfCycle, OpenedEvent.Erasure, OpenedEvent.Skipped {

    FeedbackEvent event();

    /** A response with its opened answers. */
    record Submission(FeedbackSubmitted event, FeedbackSubmitted.Answers answers)
            implements OpenedEvent, CountedResponse {

        @Override
        public String cycleId() {
            return event.cycleId();
        }

        @Override
        public String subjectId() {
            return event.subjectId();
        }

        @Override
        public String eventId() {
            return event.eventId().toString();
        }
    }

    record OfCycle(CycleChange change) implements OpenedEvent {

        @Override
        public FeedbackEvent event() {
            return change.event();
        }
    }

    record Erasure(PersonErased event) implements OpenedEvent {}

    /** A response about an erased subject: their key is destroyed, nothing in it can be read or applied. */
    record Skipped(FeedbackSubmitted event) implements OpenedEvent {}
}
