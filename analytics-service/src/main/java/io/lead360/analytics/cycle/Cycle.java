package io.lead360.analytics.cycle;

import io.lead360.events.Relationship;

import java.time.Instant;
import java.util.Map;

/**
 * A cycle as analytics knows it from the cycle events.
 *
 * @param questionnaire null while only a later event (closed/released) has been seen
 * @param invited       subject id to relationship to number of invited raters
 * @param responded     subject id to relationship to number of responses, from CycleClosed (empty before)
 * @param releasedAt    null before release
 */
public record Cycle(String id, String name, int anonymityThreshold, CycleStatus status,
                    Questionnaire questionnaire, Map<String, Map<Relationship, Integer>> invited,
                    Map<String, Map<Relationship, Integer>> responded, Instant releasedAt) {

    public boolean hasSubject(String subjectId) {
        return invited.containsKey(subjectId);
    }

    public Map<Relationship, Integer> invitedFor(String subjectId) {
        return invited.getOrDefault(subjectId, Map.of());
    }

    /** How many responses feedback-service accepted for the subject; empty until the cycle closed. */
    public Map<Relationship, Integer> respondedFor(String subjectId) {
        return responded.getOrDefault(subjectId, Map.of());
    }
}
