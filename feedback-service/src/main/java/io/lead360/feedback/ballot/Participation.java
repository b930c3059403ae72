package io.lead360.feedback.ballot;

import io.lead360.events.Relationship;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many of a group were asked and answered, as anyone but the rater may see it (progress, every
 * export, the rater's view of their own group): counts, never who; {@code responseRate} = responded
 * / invited. For an anonymous group with fewer than the threshold invited only {@code invited} is
 * shown: with one or two raters a count of answers or declines tells who did what.
 */
public record Participation(int invited, Integer responded, Integer declined, Double responseRate) {

    public static Participation of(Relationship relationship, int threshold, int invited, int responded, int declined) {
        if (relationship.isAnonymous() && invited < threshold) {
            return new Participation(invited, null, null, null);
        }
        double rate = invited == 0
                ? 0.0
                : BigDecimal.valueOf(responded)
                        .divide(BigDecimal.valueOf(invited), 2, RoundingMode.HALF_UP)
                        .doubleValue();
        return new Participation(invited, responded, declined, rate);
    }

    /** Every group of one ballot's counts. */
    public static java.util.Map<Relationship, Participation> of(Ballots.Counts counts) {
        var byGroup = new java.util.EnumMap<Relationship, Participation>(Relationship.class);
        counts.invited()
                .forEach((relationship, invited) -> byGroup.put(
                        relationship,
                        of(
                                relationship,
                                counts.threshold(),
                                invited,
                                counts.responded().getOrDefault(relationship, 0),
                                counts.declined().getOrDefault(relationship, 0))));
        return byGroup;
    }
}
