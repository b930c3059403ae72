package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;
import io.lead360.feedback.ballot.Participation;
import java.util.List;
import java.util.Map;

/** Response rates of a cycle: counts per subject and relationship, never who (see {@link Participation}). */
public record CycleProgress(String cycleId, CycleStatus status, List<Subject> subjects) {

    public record Subject(String subjectId, String name, Map<Relationship, Participation> relationships) {}
}
