package io.lead360.analytics.cycle;

import io.lead360.events.Relationship;

import java.util.Map;

/**
 * A cycle as analytics knows it from the cycle events.
 *
 * @param questionnaire null while only a later event (closed/released) has been seen
 * @param invited       subject id to relationship to number of invited raters
 */
public record Cycle(String id, String name, int anonymityThreshold, CycleStatus status,
                    Questionnaire questionnaire, Map<String, Map<Relationship, Integer>> invited) {

    public boolean hasSubject(String subjectId) {
        return invited.containsKey(subjectId);
    }

    public Map<Relationship, Integer> invitedFor(String subjectId) {
        return invited.getOrDefault(subjectId, Map.of());
    }
}
