package io.lead360.analytics.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lead360.events.RatingScale;
import io.lead360.events.Relationship;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A leader's 360 profile for one cycle, exactly as API.md (and API-EXTENSIONS.md) describe it.
 * Means are on the {@link RatingScale} after reverse scoring, rounded half-up to 2 places; null where
 * nothing may be shown.
 *
 * @param responses    responses per group at the close; null for an anonymous group of fewer than threshold invited
 * @param nominatedByAdministrator per shown anonymous group, how many of its invited raters an administrator nominated
 * @param items        every item with the others' mean (null when hidden) and its number of ratings
 * @param distribution per competency, counts of reverse-scored ratings 1..5 from shown non-SELF groups
 * @param gaps         per competency, {@code self − others} of the shown (rounded) values; null without both
 * @param trend        the subject's released cycles, oldest first (empty where not computed)
 */
public record LeadershipProfile(
        String subjectId,
        String cycleId,
        String cycleName,
        int anonymityThreshold,
        Map<Relationship, Integer> responses,
        Map<Relationship, Integer> nominatedByAdministrator,
        List<CompetencyScore> competencies,
        Integer leadingIndex,
        List<String> blindSpots,
        List<String> hiddenStrengths,
        Map<String, List<String>> comments,
        List<ItemScore> items,
        Map<String, List<Long>> distribution,
        List<String> highestItems,
        List<String> lowestItems,
        Map<String, Double> gaps,
        List<TrendPoint> trend) {

    /** The rating scale the means are on ({@code "scale"} in the JSON), for the web app's axes and colours. */
    @JsonProperty("scale")
    public RatingScale.Bounds scale() {
        return RatingScale.BOUNDS;
    }

    public LeadershipProfile withTrend(List<TrendPoint> trend) {
        return new LeadershipProfile(
                subjectId,
                cycleId,
                cycleName,
                anonymityThreshold,
                responses,
                nominatedByAdministrator,
                competencies,
                leadingIndex,
                blindSpots,
                hiddenStrengths,
                comments,
                items,
                distribution,
                highestItems,
                lowestItems,
                gaps,
                List.copyOf(trend));
    }

    /** @param byRelationship MANAGER, PEER, DIRECT_REPORT, OTHER when invited or responded; null = suppressed */
    public record CompetencyScore(
            String key, String name, Double self, Double others, Map<Relationship, GroupScore> byRelationship) {}

    /** @param n the group's number of responses */
    public record GroupScore(Double mean, int n) {}

    /** @param n ratings of the item from shown non-SELF groups; {@code mean} null when the policy hides it */
    public record ItemScore(String id, String competency, String text, boolean reverse, Double mean, long n) {}

    /** One released cycle of the subject, computed by the same rules as the profile. */
    public record TrendPoint(
            String cycleId, String cycleName, Instant releasedAt, Integer leadingIndex, Map<String, Double> others) {}
}
