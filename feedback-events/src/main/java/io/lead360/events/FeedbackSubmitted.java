package io.lead360.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A rater's response was counted. Carries what was answered, sealed with the subject's key, and
 * never who answered. {@code occurredAt} is the day only; feedback-service publishes submissions
 * in shuffled batches (see {@code docs/DESIGN.md}), so neither the time nor the order of the
 * records follows the order in which raters submitted.
 *
 * @param answers the {@link Answers}, as JSON, sealed for ({@code "FeedbackSubmitted"}, eventId, cycleId, subjectId)
 */
public record FeedbackSubmitted(
        UUID eventId, int version, Instant occurredAt, String cycleId, String subjectId, String answers)
        implements FeedbackEvent {

    public static final int VERSION = 2;

    @Override
    public String partitionKey() {
        return subjectId;
    }

    @Override
    public String topic() {
        return Topics.FEEDBACK_SUBMITTED;
    }

    public String sealContext() {
        return SubjectSeal.context("FeedbackSubmitted", eventId, cycleId, subjectId);
    }

    /**
     * The sealed content of a submission.
     *
     * @param ratings  item id to score 1..5, or null for "can't say"
     * @param comments open question id ({@code start}, {@code stop}, {@code continue}) to text
     */
    public record Answers(
            Relationship relationship, String templateId, Map<String, Integer> ratings, Map<String, String> comments) {}
}
