package io.lead360.analytics.profile;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.events.Relationship;
import java.util.Map;

/**
 * What a profile needs to know about the cycle, for one subject.
 *
 * @param invitations invited raters per group, and how many of them an administrator nominated
 * @param responded   responses per group counted at the close; a group it does not name counts what was applied
 */
public record SubjectInCycle(
        String cycleId,
        String cycleName,
        String subjectId,
        int anonymityThreshold,
        Questionnaire questionnaire,
        Cycle.Invitations invitations,
        Map<Relationship, Integer> responded) {

    public SubjectInCycle {
        responded = Map.copyOf(responded);
    }
}
