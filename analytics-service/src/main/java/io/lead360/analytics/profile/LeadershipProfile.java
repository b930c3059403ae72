package io.lead360.analytics.profile;

import io.lead360.events.Relationship;

import java.util.List;
import java.util.Map;

/**
 * A leader's 360 profile for one cycle, exactly as API.md describes it. Means are on the 1–5
 * scale after reverse scoring, rounded half-up to 2 places; null where nothing may be shown.
 */
public record LeadershipProfile(
        String subjectId,
        String cycleId,
        String cycleName,
        int anonymityThreshold,
        Map<Relationship, Integer> responses,
        List<CompetencyScore> competencies,
        Integer leadingIndex,
        List<String> blindSpots,
        List<String> hiddenStrengths,
        Map<String, List<String>> comments) {

    /** @param byRelationship MANAGER, PEER, DIRECT_REPORT, OTHER when invited or responded; null = suppressed */
    public record CompetencyScore(String key, String name, Double self, Double others,
                                  Map<Relationship, GroupScore> byRelationship) {
    }

    /** @param n the group's number of responses */
    public record GroupScore(Double mean, int n) {
    }
}
