package io.lead360.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A rater submitted a response. Carries what the rater answered and in which relationship,
 * never who the rater is. {@code occurredAt} is truncated to the day so that the time of a
 * submission cannot single out its rater.
 *
 * @param ratings  item id to score 1..5, or null for "can't say"
 * @param comments open question id ({@code start}, {@code stop}, {@code continue}) to text
 */
public record FeedbackSubmitted(
        UUID eventId,
        int version,
        Instant occurredAt,
        String cycleId,
        String subjectId,
        String templateId,
        Relationship relationship,
        Map<String, Integer> ratings,
        Map<String, String> comments) implements FeedbackEvent {

    public static final int VERSION = 1;

    @Override
    public String partitionKey() {
        return subjectId;
    }

    @Override
    public String topic() {
        return Topics.FEEDBACK_SUBMITTED;
    }
}
