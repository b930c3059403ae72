package io.lead360.analytics.profile;

import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.ingest.ProfileAggregate;
import io.lead360.analytics.ingest.ProfileAggregate.GroupTally;
import io.lead360.analytics.ingest.ProfileAggregate.ItemTally;
import io.lead360.analytics.profile.LeadershipProfile.ItemScore;
import io.lead360.events.Relationship;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random cycles (random group sizes, thresholds, "can't say" answers and comments), nothing
 * shown lets a suppressed group's answers or one rater's answers be worked out.
 */
class AnonymityPropertiesTest {

    private static final Questionnaire QUESTIONNAIRE = ProfileCalculatorTest.QUESTIONNAIRE;
    private static final List<String> ITEMS = List.of("t1", "t2", "t3", "v1", "v2");
    private static final List<Relationship> ANONYMOUS = List.of(Relationship.PEER, Relationship.DIRECT_REPORT, Relationship.OTHER);

    /** One rater's answers: item id to score or null, open question id to text. */
    record Rater(Map<String, Integer> ratings, Map<String, String> comments) {
    }

    record RandomCycle(int threshold, Map<Relationship, List<Rater>> raters) {

        boolean suppressed(Relationship r) {
            int n = raters.get(r).size();
            return r.isAnonymous() && n > 0 && n < Math.max(threshold, AnonymityPolicy.MINIMUM_THRESHOLD);
        }

        RandomCycle with(Relationship r, List<Rater> replaced) {
            var copy = new EnumMap<>(raters);
            copy.put(r, replaced);
            return new RandomCycle(threshold, copy);
        }

        LeadershipProfile profile() {
            var invited = new EnumMap<Relationship, Integer>(Relationship.class);
            raters.forEach((r, list) -> invited.put(r, list.size()));
            var subject = new SubjectInCycle("c1", "Cycle", "lea", threshold, QUESTIONNAIRE, invited);
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
            return raters.get(r).stream().filter(x -> x.ratings().get(itemId) != null).count();
        }
    }

    @Property(tries = 400)
    void profileIsTheSameWhateverASuppressedGroupAnswered(@ForAll("cycles") RandomCycle cycle,
                                                           @ForAll("raters") List<Rater> otherAnswers) {
        for (Relationship r : ANONYMOUS) {
            if (cycle.suppressed(r)) {
                List<Rater> replaced = otherAnswers.subList(0, cycle.raters().get(r).size());
                assertThat(cycle.with(r, replaced).profile()).isEqualTo(cycle.profile());
            }
        }
    }

    @Property(tries = 400)
    void oneHiddenRaterChangingTheirAnswersChangesNothingShown(@ForAll("cycles") RandomCycle cycle,
                                                               @ForAll("rater") Rater changed) {
        for (Relationship r : ANONYMOUS) {
            if (cycle.suppressed(r)) {
                var replaced = new ArrayList<>(cycle.raters().get(r));
                replaced.set(0, changed);
                assertThat(cycle.with(r, replaced).profile()).isEqualTo(cycle.profile());
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
                        assertThat(raters).as("raters of %s in %s", item.id(), r).matches(n -> n == 0 || n >= threshold);
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
            List<ItemScore> items = profile.items().stream().filter(i -> i.competency().equals(competency.key())).toList();
            long total = profile.distribution().get(competency.key()).stream().mapToLong(Long::longValue).sum();
            assertThat(total).isEqualTo(items.stream().mapToLong(ItemScore::n).sum());
            long shownRatings = items.stream().filter(i -> i.mean() != null).mapToLong(ItemScore::n).sum();
            long remainder = total - shownRatings;
            assertThat(remainder == 0 || shownRatings == 0)
                    .as("%s: %d ratings shown per item, %d left to subtraction", competency.key(), shownRatings, remainder)
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
                    list.stream().map(x -> x.comments().get(question)).filter(c -> c != null).forEach(expected::add);
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
        return Combinators.combine(Arbitraries.integers().between(1, 5), upToOne, upToOne, group, group, group)
                .as((threshold, self, manager, peers, reports, others) -> {
                    var raters = new EnumMap<Relationship, List<Rater>>(Relationship.class);
                    raters.put(Relationship.SELF, self);
                    raters.put(Relationship.MANAGER, manager);
                    raters.put(Relationship.PEER, peers);
                    raters.put(Relationship.DIRECT_REPORT, reports);
                    raters.put(Relationship.OTHER, others);
                    return new RandomCycle(threshold, raters);
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
        return Combinators.combine(score.list().ofSize(ITEMS.size()), comment.list().ofSize(3))
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
        raters.forEach(r -> r.comments().forEach((q, text) -> comments.computeIfAbsent(q, k -> new ArrayList<>()).add(text)));
        return new GroupTally(raters.size(), items, comments, histograms);
    }
}
