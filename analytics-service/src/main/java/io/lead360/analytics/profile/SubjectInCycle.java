package io.lead360.analytics.profile;

import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.events.Relationship;

import java.util.Map;

/** What a profile needs to know about the cycle, for one subject. */
public record SubjectInCycle(String cycleId, String cycleName, String subjectId, int anonymityThreshold,
                             Questionnaire questionnaire, Map<Relationship, Integer> invited) {
}
