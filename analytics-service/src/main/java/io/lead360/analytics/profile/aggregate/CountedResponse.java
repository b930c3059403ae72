package io.lead360.analytics.profile.aggregate;

import io.lead360.events.FeedbackSubmitted;

/**
 * What the read model counts of one response: whose it is, in which cycle, the event that brought it
 * (counted once, whatever the redeliveries) and its answers, already opened. The event pipeline's opened
 * submissions are such responses; {@link ProfileAggregateStore} takes nothing else.
 */
public interface CountedResponse {

    String cycleId();

    String subjectId();

    /** The id of the event the response came in: the store applies each id once. */
    String eventId();

    FeedbackSubmitted.Answers answers();
}
