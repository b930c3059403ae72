package io.lead360.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator erased a person (GDPR): everything about them as a subject is to be deleted.
 * Answers they gave stay, as they always were, anonymous ratings without any rater identity.
 * Published on the feedback topic with the person's id as key, so that it follows every
 * {@link FeedbackSubmitted} about them in order, and a replay erases them again.
 */
public record PersonErased(UUID eventId, int version, Instant occurredAt, String personId) implements FeedbackEvent {

    public static final int VERSION = 1;

    @Override
    public String partitionKey() {
        return personId;
    }

    @Override
    public String topic() {
        return Topics.FEEDBACK_SUBMITTED;
    }
}
