package io.lead360.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An administrator released a closed cycle's results: subjects may now see their profiles. Each
 * subject's part is sealed with their key, so that nobody who can only write to the topic can
 * release results early.
 *
 * @param subjects per subject, {@link Release} sealed for ({@code "ResultsReleased"}, eventId, cycleId, subjectId)
 */
public record ResultsReleased(
        UUID eventId, int version, Instant occurredAt, String cycleId, List<SealedSubject> subjects)
        implements FeedbackEvent {

    public static final int VERSION = 2;

    @Override
    public String partitionKey() {
        return cycleId;
    }

    @Override
    public String topic() {
        return Topics.CYCLE_EVENTS;
    }

    public String sealContext(String subjectId) {
        return SubjectSeal.context("ResultsReleased", eventId, cycleId, subjectId);
    }

    /** The sealed part: the cycle released, repeated inside the seal. */
    public record Release(String cycleId) {}
}
