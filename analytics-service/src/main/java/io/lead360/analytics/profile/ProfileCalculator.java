package io.lead360.analytics.profile;

import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.ingest.ProfileAggregate;
import io.lead360.analytics.ingest.ProfileAggregate.GroupTally;
import io.lead360.analytics.profile.LeadershipProfile.CompetencyScore;
import io.lead360.analytics.profile.LeadershipProfile.GroupScore;
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
 * final half-up rounding.
 */
public final class ProfileCalculator {

    /** The groups reported in {@code byRelationship} and pooled into {@code others}. */
    private static final List<Relationship> OTHER_GROUPS =
            List.of(Relationship.MANAGER, Relationship.PEER, Relationship.DIRECT_REPORT, Relationship.OTHER);
    private static final int HIGHEST_SCORE_PLUS_ONE = 6;
    private static final int MEAN_SCALE = 2;
    private static final BigDecimal NOTABLE_GAP = BigDecimal.ONE;
    private static final Comparator<String> ALPHABETICAL =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private ProfileCalculator() {
    }

    public static LeadershipProfile calculate(SubjectInCycle subject, ProfileAggregate aggregate) {
        var policy = new AnonymityPolicy(subject.anonymityThreshold());
        Set<Relationship> present = EnumSet.noneOf(Relationship.class);
        for (Relationship r : Relationship.values()) {
            if (subject.invited().getOrDefault(r, 0) > 0 || aggregate.group(r).responses() > 0) {
                present.add(r);
            }
        }
        Set<Relationship> shown = EnumSet.noneOf(Relationship.class);
        present.stream().filter(r -> policy.isShown(r, aggregate.group(r).responses())).forEach(shown::add);

        var responses = new EnumMap<Relationship, Integer>(Relationship.class);
        present.forEach(r -> responses.put(r, policy.visibleResponseCount(r, aggregate.group(r).responses())));

        var competencies = new ArrayList<CompetencyScore>();
        var blindSpots = new ArrayList<String>();
        var hiddenStrengths = new ArrayList<String>();
        var allOthers = new Tally();
        for (Questionnaire.Competency competency : subject.questionnaire().competencies()) {
            BigDecimal self = shown.contains(Relationship.SELF)
                    ? tally(aggregate.group(Relationship.SELF), competency).mean() : null;
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
                byRelationship.put(r, new GroupScore(toDouble(group.mean()), aggregate.group(r).responses()));
                others.add(group);
            }
            allOthers.add(others);
            BigDecimal othersMean = others.mean();
            // Gaps use the rounded values the profile shows, so any client can check them.
            if (self != null && othersMean != null) {
                if (self.subtract(othersMean).compareTo(NOTABLE_GAP) >= 0) {
                    blindSpots.add(competency.key());
                } else if (othersMean.subtract(self).compareTo(NOTABLE_GAP) >= 0) {
                    hiddenStrengths.add(competency.key());
                }
            }
            competencies.add(new CompetencyScore(competency.key(), competency.name(), toDouble(self),
                    toDouble(othersMean), byRelationship));
        }

        var comments = new LinkedHashMap<String, List<String>>();
        for (String questionId : subject.questionnaire().openQuestionIds()) {
            var texts = new ArrayList<String>();
            shown.forEach(r -> texts.addAll(aggregate.group(r).comments().getOrDefault(questionId, List.of())));
            // Alphabetical, so that order says nothing about who answered when.
            texts.sort(ALPHABETICAL);
            comments.put(questionId, texts);
        }

        return new LeadershipProfile(subject.subjectId(), subject.cycleId(), subject.cycleName(), policy.threshold(),
                responses, competencies, allOthers.leadingIndex(), blindSpots, hiddenStrengths, comments);
    }

    /** A group's ratings of a competency's items, reverse items counted as {@code 6 - score}. */
    private static Tally tally(GroupTally group, Questionnaire.Competency competency) {
        var tally = new Tally();
        for (Questionnaire.Item item : competency.items()) {
            ProfileAggregate.ItemTally raw = group.item(item.id());
            long sum = item.reverse() ? HIGHEST_SCORE_PLUS_ONE * raw.count() - raw.sum() : raw.sum();
            tally.add(sum, raw.count());
        }
        return tally;
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
            return count == 0 ? null
                    : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), MEAN_SCALE, RoundingMode.HALF_UP);
        }

        /** round(100 × (m − 1) / 4) = round(25 × (sum − count) / count), exactly. */
        Integer leadingIndex() {
            return count == 0 ? null
                    : BigDecimal.valueOf(25 * (sum - count)).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                    .intValueExact();
        }
    }
}
