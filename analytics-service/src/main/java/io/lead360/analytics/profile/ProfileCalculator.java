package io.lead360.analytics.profile;

import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.profile.LeadershipProfile.CompetencyScore;
import io.lead360.analytics.profile.LeadershipProfile.GroupScore;
import io.lead360.analytics.profile.LeadershipProfile.ItemScore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.GroupTally;
import io.lead360.events.RatingScale;
import io.lead360.events.Relationship;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link LeadershipProfile} from the raw aggregate with the rules of API.md
 * "How the numbers are made". Plain Java; all arithmetic is exact (sums and counts) until the
 * final half-up rounding. Apart from the response counts, everything is computed from what
 * {@link AnonymityPolicy#shownGroups} lets through.
 */
public final class ProfileCalculator {

    /** The groups reported in {@code byRelationship} and pooled into {@code others}. */
    private static final List<Relationship> OTHER_GROUPS =
            List.of(Relationship.MANAGER, Relationship.PEER, Relationship.DIRECT_REPORT, Relationship.OTHER);

    private static final int MEAN_SCALE = 2;
    private static final int RANKED_ITEMS = 3;
    private static final BigDecimal NOTABLE_GAP = BigDecimal.ONE;

    private ProfileCalculator() {}

    public static LeadershipProfile calculate(SubjectInCycle subject, ProfileAggregate raw) {
        var policy = new AnonymityPolicy(subject.anonymityThreshold());
        Map<Relationship, Integer> invited = subject.invitations().invited();
        var responded = new EnumMap<Relationship, Integer>(Relationship.class);
        for (Relationship r : Relationship.values()) {
            int n = subject.responded().getOrDefault(r, raw.group(r).responses());
            if (n > 0) {
                responded.put(r, n);
            }
        }
        Map<Relationship, Integer> responses = policy.visibleResponseCounts(invited, responded);
        Set<Relationship> present = EnumSet.noneOf(Relationship.class);
        present.addAll(responses.keySet());
        for (Relationship r : Relationship.values()) {
            if (raw.group(r).responses() > 0) {
                present.add(r);
            }
        }

        // From here on only the shown groups exist.
        ProfileAggregate aggregate = policy.shownGroups(raw);
        Set<Relationship> shown = EnumSet.noneOf(Relationship.class);
        shown.addAll(aggregate.groups().keySet());
        List<Relationship> shownOthers =
                OTHER_GROUPS.stream().filter(shown::contains).toList();
        Map<Relationship, Integer> nominated =
                policy.visibleNominations(shown, subject.invitations().nominatedByAdministrator());

        var competencies = new ArrayList<CompetencyScore>();
        var blindSpots = new ArrayList<String>();
        var hiddenStrengths = new ArrayList<String>();
        var gaps = new LinkedHashMap<String, Double>();
        var distribution = new LinkedHashMap<String, List<Long>>();
        var items = new ArrayList<ItemScore>();
        var allOthers = new Tally();
        for (Questionnaire.Competency competency : subject.questionnaire().competencies()) {
            BigDecimal self = shown.contains(Relationship.SELF)
                    ? tally(aggregate.group(Relationship.SELF), competency).mean()
                    : null;
            var byRelationship = new LinkedHashMap<Relationship, GroupScore>();
            var others = new Tally();
            for (Relationship r : OTHER_GROUPS) {
                if (!present.contains(r)) {
                    continue;
                }
                if (!shown.contains(r)) {
                    byRelationship.put(r, null);
                    continue;
                }
                Tally group = tally(aggregate.group(r), competency);
                byRelationship.put(
                        r,
                        new GroupScore(
                                toDouble(group.mean()), aggregate.group(r).responses()));
                others.add(group);
            }
            allOthers.add(others);
            BigDecimal othersMean = others.mean();
            // Gaps use the rounded values the profile shows, so any client can check them.
            if (self != null && othersMean != null) {
                BigDecimal gap = self.subtract(othersMean);
                gaps.put(competency.key(), gap.doubleValue());
                if (gap.compareTo(NOTABLE_GAP) >= 0) {
                    blindSpots.add(competency.key());
                } else if (gap.negate().compareTo(NOTABLE_GAP) >= 0) {
                    hiddenStrengths.add(competency.key());
                }
            } else {
                gaps.put(competency.key(), null);
            }
            competencies.add(new CompetencyScore(
                    competency.key(), competency.name(), toDouble(self), toDouble(othersMean), byRelationship));
            distribution.put(competency.key(), distribution(aggregate, shownOthers, competency));
            items.addAll(items(policy, aggregate, shownOthers, competency));
        }

        var comments = new LinkedHashMap<String, List<String>>();
        for (String questionId : subject.questionnaire().openQuestionIds()) {
            var texts = new ArrayList<String>();
            shown.forEach(r -> texts.addAll(aggregate.group(r).comments().getOrDefault(questionId, List.of())));
            comments.put(questionId, policy.inDisplayOrder(texts));
        }

        List<ItemScore> ranked = items.stream().filter(i -> i.mean() != null).toList();
        Comparator<ItemScore> byMean = Comparator.comparing(ItemScore::mean);
        List<String> highest = ranked.stream()
                .sorted(byMean.reversed().thenComparing(ItemScore::id))
                .limit(RANKED_ITEMS)
                .map(ItemScore::id)
                .toList();
        List<String> lowest = ranked.stream()
                .sorted(byMean.thenComparing(ItemScore::id))
                .limit(RANKED_ITEMS)
                .map(ItemScore::id)
                .toList();

        return new LeadershipProfile(
                subject.subjectId(),
                subject.cycleId(),
                subject.cycleName(),
                policy.threshold(),
                responses,
                nominated,
                competencies,
                allOthers.leadingIndex(),
                blindSpots,
                hiddenStrengths,
                comments,
                items,
                distribution,
                highest,
                lowest,
                gaps,
                List.of());
    }

    /** Counts of reverse-scored ratings (one per point of the {@link RatingScale}) of the competency from the shown non-SELF groups. */
    private static List<Long> distribution(
            ProfileAggregate aggregate, List<Relationship> shownOthers, Questionnaire.Competency competency) {
        var counts = new long[RatingScale.POINTS];
        for (Relationship r : shownOthers) {
            for (Questionnaire.Item item : competency.items()) {
                for (int score = RatingScale.LOWEST; score <= RatingScale.HIGHEST; score++) {
                    int counted = item.reverse() ? RatingScale.reversed(score) : score;
                    counts[counted - RatingScale.LOWEST] += aggregate.group(r).timesScored(item.id(), score);
                }
            }
        }
        var list = new ArrayList<Long>(RatingScale.POINTS);
        for (long c : counts) {
            list.add(c);
        }
        return list;
    }

    private static List<ItemScore> items(
            AnonymityPolicy policy,
            ProfileAggregate aggregate,
            List<Relationship> shownOthers,
            Questionnaire.Competency competency) {
        var tallies = new ArrayList<Tally>();
        var visible = new ArrayList<Boolean>();
        boolean hiddenButRated = false;
        for (Questionnaire.Item item : competency.items()) {
            var tally = new Tally();
            var ratingsByGroup = new EnumMap<Relationship, Long>(Relationship.class);
            for (Relationship r : shownOthers) {
                ProfileAggregate.ItemTally raw = aggregate.group(r).item(item.id());
                tally.add(item.reverse() ? reversedSum(raw) : raw.sum(), raw.count());
                ratingsByGroup.put(r, raw.count());
            }
            boolean shownItem = policy.isItemMeanShown(ratingsByGroup);
            hiddenButRated |= !shownItem && tally.count > 0;
            tallies.add(tally);
            visible.add(shownItem);
        }
        var scores = new ArrayList<ItemScore>();
        for (int i = 0; i < competency.items().size(); i++) {
            Questionnaire.Item item = competency.items().get(i);
            Tally tally = tallies.get(i);
            // One hidden item hides the competency's others: see AnonymityPolicy.
            boolean shownItem = visible.get(i) && !hiddenButRated;
            scores.add(new ItemScore(
                    item.id(),
                    competency.key(),
                    item.text(),
                    item.reverse(),
                    shownItem ? toDouble(tally.mean()) : null,
                    tally.count));
        }
        return scores;
    }

    /** A group's ratings of a competency's items, reverse items counted reversed ({@link RatingScale#reversed}). */
    private static Tally tally(GroupTally group, Questionnaire.Competency competency) {
        var tally = new Tally();
        for (Questionnaire.Item item : competency.items()) {
            ProfileAggregate.ItemTally raw = group.item(item.id());
            long sum = item.reverse() ? reversedSum(raw) : raw.sum();
            tally.add(sum, raw.count());
        }
        return tally;
    }

    /** The sum of an item's ratings had each been reversed: {@code (LOWEST + HIGHEST) * count - sum}. */
    private static long reversedSum(ProfileAggregate.ItemTally raw) {
        return (long) (RatingScale.LOWEST + RatingScale.HIGHEST) * raw.count() - raw.sum();
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** Sum and count of (already reverse-adjusted) ratings; pooled by adding. */
    private static final class Tally {
        private long sum;
        private long count;

        void add(long sum, long count) {
            this.sum += sum;
            this.count += count;
        }

        void add(Tally other) {
            add(other.sum, other.count);
        }

        BigDecimal mean() {
            return count == 0
                    ? null
                    : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), MEAN_SCALE, RoundingMode.HALF_UP);
        }

        /** round(100 × (m − 1) / 4) = round(25 × (sum − count) / count), exactly. */
        Integer leadingIndex() {
            return count == 0
                    ? null
                    : BigDecimal.valueOf(25 * (sum - count))
                            .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                            .intValueExact();
        }
    }
}
