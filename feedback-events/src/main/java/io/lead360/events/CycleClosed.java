package io.lead360.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cycle closed: no more submissions. The close is a cut: exactly the responses counted here were
 * accepted. Per subject, sealed with that subject's key, how many responses were counted and how
 * many of them are published as {@link FeedbackSubmitted}, so that a consumer knows when it has
 * every one. The two differ for an anonymous group that ended below the cycle's threshold: its
 * answers could never be shown, and are destroyed at close instead of published.
 *
 * @param subjects one {@link Tally} per subject, sealed for ({@code "CycleClosed"}, eventId, cycleId, subjectId)
 */
public record CycleClosed(UUID eventId, int version, Instant occurredAt, String cycleId, List<SealedSubject> subjects)
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
        return SubjectSeal.context("CycleClosed", eventId, cycleId, subjectId);
    }

    /**
     * @param responded relationship to the number of responses counted
     * @param published relationship to the number of those published as FeedbackSubmitted
     */
    public record Tally(Map<Relationship, Integer> responded, Map<Relationship, Integer> published) {}
}
