package io.lead360.analytics.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.profile.LeadershipProfile.ItemScore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.GroupTally;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.ItemTally;
import io.lead360.events.Relationship;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For random cycles (random group sizes, thresholds of at least 3, invited raters who did not
 * answer, administrator nominations, "can't say" answers and comments), nothing shown lets a
 * suppressed group's answers or one rater's answers be worked out, nor who of a small group took
 * part.
 */
class AnonymityPropertiesTest {

    private static final Questionnaire QUESTIONNAIRE = ProfileCalculatorTest.QUESTIONNAIRE;
    private static final List<String> ITEMS = List.of("t1", "t2", "t3", "v1", "v2");
    private static final List<Relationship> ANONYMOUS =
            List.of(Relationship.PEER, Relationship.DIRECT_REPORT, Relationship.OTHER);

    /** One rater's answers: item id to score or null, open question id to text. */
    record Rater(Map<String, Integer> ratings, Map<String, String> comments) {}

    /**
     * @param raters     who answered, per group
     * @param notAnswering invited raters per group who did not answer
     * @param nominated  of a group's invited raters, how many an administrator nominated
     */
    record RandomCycle(
            int threshold,
            Map<Relationship, List<Rater>> raters,
            Map<Relationship, Integer> notAnswering,
            Map<Relationship, Integer> nominated) {

        boolean suppressed(Relationship r) {
            int n = raters.get(r).size();
            return r.isAnonymous() && n > 0 && n < Math.max(threshold, AnonymityPolicy.MINIMUM_THRESHOLD);
        }

        int invited(Relationship r) {
            return raters.get(r).size() + notAnswering.getOrDefault(r, 0);
        }

        RandomCycle with(Relationship r, List<Rater> replaced) {
            var copy = new EnumMap<>(raters);
            copy.put(r, replaced);
            // the same number invited: a different answer, not a different group
            var absent = new EnumMap<>(notAnswering);
            absent.put(r, invited(r) - replaced.size());
            return new RandomCycle(threshold, copy, absent, nominated);
        }

        RandomCycle nominating(Relationship r, int n) {
            var copy = new EnumMap<>(nominated);
            copy.put(r, Math.min(n, invited(r)));
            return new RandomCycle(threshold, raters, notAnswering, copy);
        }

        LeadershipProfile profile() {
            var invited = new EnumMap<Relationship, Integer>(Relationship.class);
            var responded = new EnumMap<Relationship, Integer>(Relationship.class);
            raters.forEach((r, list) -> {
                invited.put(r, invited(r));
                responded.put(r, list.size());
            });
            var subject = new SubjectInCycle(
                    "c1",
                    "Cycle",
                    "lea",
                    threshold,
                    QUESTIONNAIRE,
                    new Cycle.Invitations(invited, nominated),
                    responded);
            return ProfileCalculator.calculate(subject, aggregate());
        }

        ProfileAggregate aggregate() {
            var groups = new EnumMap<Relationship, GroupTally>(Relationship.class);
            raters.forEach((r, list) -> {
                if (!list.isEmpty()) {
                    groups.put(r, tally(list));
                }
            });
            return new ProfileAggregate(groups);
        }

        long ratersOf(Relationship r, String itemId) {
            return raters.get(r).stream()
                    .filter(x -> x.ratings().get(itemId) != null)
                    .count();
        }
    }

    @Property(tries = 400)
    void profileIsTheSameWhateverASuppressedGroupAnswered(
            @ForAll("cycles") RandomCycle cycle, @ForAll("raters") List<Rater> otherAnswers) {
        for (Relationship r : ANONYMOUS) {
            if (cycle.suppressed(r)) {
                List<Rater> replaced =
                        otherAnswers.subList(0, cycle.raters().get(r).size());
                assertThat(cycle.with(r, replaced).profile()).isEqualTo(cycle.profile());
            }
        }
    }

    @Property(tries = 400)
    void oneHiddenRaterChangingTheirAnswersChangesNothingShown(
            @ForAll("cycles") RandomCycle cycle, @ForAll("rater") Rater changed) {
        for (Relationship r : ANONYMOUS) {
            if (cycle.suppressed(r)) {
                var replaced = new ArrayList<>(cycle.raters().get(r));
                replaced.set(0, changed);
                assertThat(cycle.with(r, replaced).profile()).isEqualTo(cycle.profile());
            }
        }
    }

    @Property(tries = 400)
    void whoOfASmallGroupTookPartIsNotShownNorHowAHiddenGroupWasChosen(@ForAll("cycles") RandomCycle cycle) {
        LeadershipProfile profile = cycle.profile();
        int threshold = profile.anonymityThreshold();
        assertThat(threshold).isGreaterThanOrEqualTo(3);
        for (Relationship r : ANONYMOUS) {
            if (cycle.invited(r) > 0 && cycle.invited(r) < threshold) {
                assertThat(profile.responses()).containsEntry(r, null);
            }
            if (cycle.suppressed(r) || cycle.raters().get(r).isEmpty()) {
                assertThat(profile.nominatedByAdministrator()).doesNotContainKey(r);
            } else {
                assertThat(profile.nominatedByAdministrator())
                        .containsEntry(r, cycle.nominated().getOrDefault(r, 0));
            }
        }
        assertThat(profile.nominatedByAdministrator()).doesNotContainKeys(Relationship.SELF, Relationship.MANAGER);
    }

    @Property(tries = 300)
    void profileIsTheSameWhateverWasNominatedInASuppressedGroup(
            @ForAll("cycles") RandomCycle cycle, @ForAll @IntRange(min = 0, max = 10) int nominated) {
        for (Relationship r : ANONYMOUS) {
            if (cycle.suppressed(r)) {
                assertThat(cycle.nominating(r, nominated).profile()).isEqualTo(cycle.profile());
            }
        }
    }

    @Property(tries = 400)
    void everyShownNumberOfAnAnonymousGroupRestsOnAtLeastThresholdRaters(@ForAll("cycles") RandomCycle cycle) {
        LeadershipProfile profile = cycle.profile();
        int threshold = profile.anonymityThreshold();
        for (LeadershipProfile.CompetencyScore competency : profile.competencies()) {
            competency.byRelationship().forEach((r, score) -> {
                if (score != null && r.isAnonymous()) {
                    assertThat(cycle.raters().get(r)).hasSizeGreaterThanOrEqualTo(threshold);
                }
            });
        }
        for (ItemScore item : profile.items()) {
            if (item.mean() != null) {
                assertThat(item.n()).isGreaterThanOrEqualTo(threshold);
                for (Relationship r : ANONYMOUS) {
                    long raters = cycle.ratersOf(r, item.id());
                    if (!cycle.suppressed(r)) {
                        assertThat(raters)
                                .as("raters of %s in %s", item.id(), r)
                                .matches(n -> n == 0 || n >= threshold);
                    }
                }
            }
        }
    }

    /**
     * The attack: the distribution gives a competency's exact sum and count; subtracting the shown
     * items' mean × n leaves the hidden items. That remainder must never be a proper part of the
     * rated items, or a hidden item (possibly one rater's answer) would be isolated.
     */
    @Property(tries = 400)
    void hiddenItemsCannotBeIsolatedBySubtraction(@ForAll("cycles") RandomCycle cycle) {
        LeadershipProfile profile = cycle.profile();
        for (LeadershipProfile.CompetencyScore competency : profile.competencies()) {
            List<ItemScore> items = profile.items().stream()
                    .filter(i -> i.competency().equals(competency.key()))
                    .toList();
            long total = profile.distribution().get(competency.key()).stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(total).isEqualTo(items.stream().mapToLong(ItemScore::n).sum());
            long shownRatings = items.stream()
                    .filter(i -> i.mean() != null)
                    .mapToLong(ItemScore::n)
                    .sum();
            long remainder = total - shownRatings;
            assertThat(remainder == 0 || shownRatings == 0)
                    .as(
                            "%s: %d ratings shown per item, %d left to subtraction",
                            competency.key(), shownRatings, remainder)
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void commentsComeOnlyFromShownGroupsInAnOrderThatIsNotTime(@ForAll("cycles") RandomCycle cycle) {
        LeadershipProfile profile = cycle.profile();
        for (String question : List.of("start", "stop", "continue")) {
            var expected = new ArrayList<String>();
            cycle.raters().forEach((r, list) -> {
                if (!cycle.suppressed(r)) {
                    list.stream()
                            .map(x -> x.comments().get(question))
                            .filter(c -> c != null)
                            .forEach(expected::add);
                }
            });
            List<String> shown = profile.comments().get(question);
            assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(shown).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        }
    }

    @Provide
    Arbitrary<RandomCycle> cycles() {
        Arbitrary<List<Rater>> upToOne = rater().list().ofMaxSize(1);
        Arbitrary<List<Rater>> group = rater().list().ofMaxSize(7);
        Arbitrary<List<Integer>> absent =
                Arbitraries.integers().between(0, 2).list().ofSize(ANONYMOUS.size());
        Arbitrary<List<Integer>> chosen =
                Arbitraries.integers().between(0, 9).list().ofSize(ANONYMOUS.size());
        return Combinators.combine(
                        Arbitraries.integers().between(3, 6), upToOne, upToOne, group, group, group, absent, chosen)
                .as((threshold, self, manager, peers, reports, others, notAnswering, nominations) -> {
                    var raters = new EnumMap<Relationship, List<Rater>>(Relationship.class);
                    raters.put(Relationship.SELF, self);
                    raters.put(Relationship.MANAGER, manager);
                    raters.put(Relationship.PEER, peers);
                    raters.put(Relationship.DIRECT_REPORT, reports);
                    raters.put(Relationship.OTHER, others);
                    var absentees = new EnumMap<Relationship, Integer>(Relationship.class);
                    var nominated = new EnumMap<Relationship, Integer>(Relationship.class);
                    for (int i = 0; i < ANONYMOUS.size(); i++) {
                        Relationship r = ANONYMOUS.get(i);
                        absentees.put(r, notAnswering.get(i));
                        nominated.put(
                                r, Math.min(nominations.get(i), raters.get(r).size() + notAnswering.get(i)));
                    }
                    return new RandomCycle(threshold, raters, absentees, nominated);
                });
    }

    @Provide
    Arbitrary<List<Rater>> raters() {
        return rater().list().ofSize(7);
    }

    @Provide
    Arbitrary<Rater> rater() {
        Arbitrary<Integer> score = Arbitraries.integers().between(1, 5).injectNull(0.3);
        Arbitrary<String> comment = Arbitraries.of("listen more", "Delegate", "zoom out", "a", "keep it up", "B plan")
                .injectNull(0.5);
        return Combinators.combine(
                        score.list().ofSize(ITEMS.size()), comment.list().ofSize(3))
                .as((scores, comments) -> {
                    var ratings = new HashMap<String, Integer>();
                    for (int i = 0; i < ITEMS.size(); i++) {
                        ratings.put(ITEMS.get(i), scores.get(i));
                    }
                    var texts = new HashMap<String, String>();
                    List<String> questions = List.of("start", "stop", "continue");
                    for (int i = 0; i < questions.size(); i++) {
                        if (comments.get(i) != null) {
                            texts.put(questions.get(i), comments.get(i));
                        }
                    }
                    return new Rater(ratings, texts);
                });
    }

    /** What the aggregate store keeps of a group: counts, sums, histograms, comments; no rater. */
    static GroupTally tally(List<Rater> raters) {
        var items = new HashMap<String, ItemTally>();
        var histograms = new HashMap<String, List<Long>>();
        var comments = new HashMap<String, List<String>>();
        for (String item : ITEMS) {
            long sum = 0;
            long count = 0;
            var histogram = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
            for (Rater rater : raters) {
                Integer score = rater.ratings().get(item);
                if (score != null) {
                    sum += score;
                    count++;
                    histogram.set(score - 1, histogram.get(score - 1) + 1);
                }
            }
            if (count > 0) {
                items.put(item, new ItemTally(sum, count));
                histograms.put(item, histogram);
            }
        }
        raters.forEach(r -> r.comments()
                .forEach((q, text) ->
                        comments.computeIfAbsent(q, k -> new ArrayList<>()).add(text)));
        return new GroupTally(raters.size(), items, comments, histograms);
    }
}
