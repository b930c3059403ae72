package io.lead360.analytics.profile;

import static io.lead360.analytics.profile.ProfileCalculatorTest.LOW_PEERS;
import static io.lead360.analytics.profile.ProfileCalculatorTest.example;
import static io.lead360.analytics.profile.ProfileCalculatorTest.subject;
import static io.lead360.analytics.profile.ProfileCalculatorTest.t;
import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.profile.LeadershipProfile.ItemScore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.GroupTally;
import io.lead360.events.Relationship;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile extensions of API-EXTENSIONS.md on the worked example of {@link ProfileCalculatorTest}. */
class ProfileExtensionsTest {

    private final LeadershipProfile profile = ProfileCalculator.calculate(subject(3), example(LOW_PEERS));

    @Test
    void itemMeansPoolTheShownOthersAndHideItemsFewerThanTheThresholdRated() {
        Map<String, ItemScore> items = byId(profile);

        assertThat(items.get("v1")).isEqualTo(new ItemScore("v1", "VISION", null, false, 4.5, 4)); // (4 + 14) / 4
        assertThat(items.get("v2")).isEqualTo(new ItemScore("v2", "VISION", null, false, 4.67, 3)); // 14 / 3
        // t2: only 2 of the 3 direct reports rated it, so it is hidden ...
        assertThat(items.get("t2").mean()).isNull();
        assertThat(items.get("t2").n()).isEqualTo(3);
        // ... and with it every TRUST item, or TRUST's distribution minus t1 and t3 would reveal t2.
        assertThat(items.get("t1").mean()).isNull();
        assertThat(items.get("t3").mean()).isNull();
        assertThat(items.get("t3").reverse()).isTrue();
    }

    @Test
    void highestAndLowestItemsComeFromShownItemsOnly() {
        assertThat(profile.highestItems()).containsExactly("v2", "v1");
        assertThat(profile.lowestItems()).containsExactly("v1", "v2");
    }

    @Test
    void gapIsSelfMinusOthersOfTheShownValues() {
        assertThat(profile.gaps()).containsEntry("TRUST", 1.03).containsEntry("VISION", -2.57);
    }

    @Test
    void gapIsNullWithoutASelfAssessment() {
        var subject = ProfileCalculatorTest.subject(3, Map.of(MANAGER, 1));
        var aggregate = new ProfileAggregate(Map.of(MANAGER, new GroupTally(1, Map.of("t1", t(4, 1)), Map.of())));

        LeadershipProfile managerOnly = ProfileCalculator.calculate(subject, aggregate);

        assertThat(managerOnly.gaps()).containsEntry("TRUST", null);
        assertThat(managerOnly.items()).allMatch(i -> i.mean() == null); // one rater is below any threshold
    }

    @Test
    void distributionCountsReverseScoredRatingsOfShownOthersOnly() {
        var groups = Map.of(
                MANAGER,
                new GroupTally(1, Map.of("t1", t(4, 1)), Map.of(), Map.of("t1", List.of(0L, 0L, 0L, 1L, 0L))),
                DIRECT_REPORT,
                new GroupTally(3, Map.of("t3", t(6, 3)), Map.of(), Map.of("t3", List.of(1L, 1L, 1L, 0L, 0L))),
                PEER,
                new GroupTally(2, Map.of("t1", t(2, 2)), Map.of(), Map.of("t1", List.of(2L, 0L, 0L, 0L, 0L))),
                Relationship.SELF,
                new GroupTally(1, Map.of("t1", t(1, 1)), Map.of(), Map.of("t1", List.of(1L, 0L, 0L, 0L, 0L))));
        var subject = ProfileCalculatorTest.subject(3, Map.of(MANAGER, 1, DIRECT_REPORT, 3, PEER, 2));

        LeadershipProfile withHistograms = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        // t3 is reverse: raw 1, 2, 3 count as 5, 4, 3; the manager's 4 adds one more 4; peers and self not at all.
        assertThat(withHistograms.distribution())
                .containsEntry("TRUST", List.of(0L, 0L, 1L, 2L, 1L))
                .containsEntry("VISION", List.of(0L, 0L, 0L, 0L, 0L));
    }

    private static Map<String, ItemScore> byId(LeadershipProfile profile) {
        return profile.items().stream().collect(java.util.stream.Collectors.toMap(ItemScore::id, i -> i));
    }
}
