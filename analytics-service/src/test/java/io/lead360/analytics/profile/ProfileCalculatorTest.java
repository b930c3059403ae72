package io.lead360.analytics.profile;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.OTHER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.profile.LeadershipProfile.CompetencyScore;
import io.lead360.analytics.profile.LeadershipProfile.GroupScore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.GroupTally;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.ItemTally;
import io.lead360.events.Relationship;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileCalculatorTest {

    /** TRUST: t1, t2, t3 (reverse); VISION: v1, v2. */
    static final Questionnaire QUESTIONNAIRE = new Questionnaire(
            List.of(
                    new Questionnaire.Competency(
                            "TRUST",
                            "Trust",
                            List.of(
                                    new Questionnaire.Item("t1", false),
                                    new Questionnaire.Item("t2", false),
                                    new Questionnaire.Item("t3", true))),
                    new Questionnaire.Competency(
                            "VISION",
                            "Vision",
                            List.of(new Questionnaire.Item("v1", false), new Questionnaire.Item("v2", false)))),
            List.of("start", "stop", "continue"));

    static final Map<Relationship, Integer> INVITED = Map.of(SELF, 1, MANAGER, 1, PEER, 2, DIRECT_REPORT, 3);

    /**
     * The worked example, raw scores per response (null = can't say):
     * <pre>
     *              t1  t2  t3(R)  v1  v2
     * SELF          5   4   1      2   2
     * MANAGER       4   3   2      4   -
     * DR a          3   2   1      5   4
     * DR b          4   3   2      5   5
     * DR c          5   -   3      4   5
     * PEER x, y     1   1   5      1   1   (2 responses: below the threshold of 3)
     * </pre>
     */
    static ProfileAggregate example(GroupTally peers) {
        var groups = new EnumMap<Relationship, GroupTally>(Relationship.class);
        groups.put(
                SELF,
                group(
                        1,
                        Map.of("t1", t(5, 1), "t2", t(4, 1), "t3", t(1, 1), "v1", t(2, 1), "v2", t(2, 1)),
                        Map.of("start", List.of("self start"))));
        groups.put(
                MANAGER,
                group(
                        1,
                        Map.of("t1", t(4, 1), "t2", t(3, 1), "t3", t(2, 1), "v1", t(4, 1)),
                        Map.of("stop", List.of("manager stop"))));
        groups.put(
                DIRECT_REPORT,
                group(
                        3,
                        Map.of("t1", t(12, 3), "t2", t(5, 2), "t3", t(6, 3), "v1", t(14, 3), "v2", t(14, 3)),
                        Map.of("start", List.of("b idea", "c idea", "A idea"), "continue", List.of("keep it up"))));
        groups.put(PEER, peers);
        return new ProfileAggregate(groups);
    }

    static final GroupTally LOW_PEERS = group(
            2,
            Map.of("t1", t(2, 2), "t2", t(2, 2), "t3", t(10, 2), "v1", t(2, 2), "v2", t(2, 2)),
            Map.of("start", List.of("peer secret")));

    static SubjectInCycle subject(int threshold) {
        return new SubjectInCycle(
                "c1",
                "Spring 2026",
                "lea",
                threshold,
                QUESTIONNAIRE,
                new Cycle.Invitations(INVITED, Map.of()),
                Map.of());
    }

    /** Responses counted at the close as given; a group the close does not name counts what was applied. */
    static SubjectInCycle subject(
            int threshold,
            Map<Relationship, Integer> invited,
            Map<Relationship, Integer> nominated,
            Map<Relationship, Integer> responded) {
        return new SubjectInCycle(
                "c1", "n", "lea", threshold, QUESTIONNAIRE, new Cycle.Invitations(invited, nominated), responded);
    }

    static SubjectInCycle subject(int threshold, Map<Relationship, Integer> invited) {
        return subject(threshold, invited, Map.of(), Map.of());
    }

    @Test
    void computesTheWorkedExampleByHand() {
        LeadershipProfile profile = ProfileCalculator.calculate(subject(3), example(LOW_PEERS));

        assertThat(profile.subjectId()).isEqualTo("lea");
        assertThat(profile.cycleName()).isEqualTo("Spring 2026");
        assertThat(profile.anonymityThreshold()).isEqualTo(3);
        // two peers invited: fewer than the threshold, so not even their count is shown
        assertThat(profile.responses())
                .containsOnlyKeys(SELF, MANAGER, PEER, DIRECT_REPORT)
                .containsEntry(SELF, 1)
                .containsEntry(MANAGER, 1)
                .containsEntry(PEER, null)
                .containsEntry(DIRECT_REPORT, 3);
        assertThat(profile.nominatedByAdministrator()).containsExactly(Map.entry(DIRECT_REPORT, 0));

        CompetencyScore trust = profile.competencies().get(0);
        assertThat(trust.key()).isEqualTo("TRUST");
        assertThat(trust.self()).isEqualTo(4.67); // (5 + 4 + (6-1)) / 3
        assertThat(trust.byRelationship().get(MANAGER)).isEqualTo(new GroupScore(3.67, 1)); // (4 + 3 + 4) / 3
        assertThat(trust.byRelationship().get(DIRECT_REPORT))
                .isEqualTo(new GroupScore(3.63, 3)); // (12 + 5 + (18-6)) / 8 = 3.625, half-up
        assertThat(trust.byRelationship()).containsEntry(PEER, null).doesNotContainKey(OTHER);
        assertThat(trust.others()).isEqualTo(3.64); // (11 + 29) / 11

        CompetencyScore vision = profile.competencies().get(1);
        assertThat(vision.self()).isEqualTo(2.0); // (2 + 2) / 2
        assertThat(vision.byRelationship().get(MANAGER)).isEqualTo(new GroupScore(4.0, 1)); // v2 can't say
        assertThat(vision.byRelationship().get(DIRECT_REPORT)).isEqualTo(new GroupScore(4.67, 3)); // 28 / 6
        assertThat(vision.others()).isEqualTo(4.57); // (4 + 28) / 7

        assertThat(profile.blindSpots()).containsExactly("TRUST"); // 4.67 - 3.64 = 1.03
        assertThat(profile.hiddenStrengths()).containsExactly("VISION"); // 4.57 - 2.00 = 2.57
        assertThat(profile.leadingIndex()).isEqualTo(75); // m = (40 + 32) / 18 = 4.0 → 100 × 3 / 4
    }

    @Test
    void commentsComeFromShownGroupsInAlphabeticalOrder() {
        LeadershipProfile profile = ProfileCalculator.calculate(subject(3), example(LOW_PEERS));

        assertThat(profile.comments())
                .containsExactly(
                        Map.entry("start", List.of("A idea", "b idea", "c idea", "self start")),
                        Map.entry("stop", List.of("manager stop")),
                        Map.entry("continue", List.of("keep it up")));
    }

    @Test
    void suppressedGroupCannotBeRecoveredFromAnythingShown() {
        GroupTally highPeers = group(
                2,
                Map.of("t1", t(10, 2), "t2", t(10, 2), "t3", t(2, 2), "v1", t(10, 2), "v2", t(9, 2)),
                Map.of("start", List.of("another secret"), "stop", List.of("x")));

        LeadershipProfile low = ProfileCalculator.calculate(subject(3), example(LOW_PEERS));
        LeadershipProfile high = ProfileCalculator.calculate(subject(3), example(highPeers));

        // Whatever the hidden peers answered, the profile is the same: others, the index and the
        // comments cannot be differenced against the visible groups to recover them.
        assertThat(high).isEqualTo(low);
    }

    @Test
    void anonymousGroupAtTheThresholdIsShownAndPooled() {
        GroupTally threePeers = group(3, Map.of("t1", t(3, 3)), Map.of("start", List.of("peer idea")));

        LeadershipProfile profile = ProfileCalculator.calculate(subject(3), example(threePeers));

        CompetencyScore trust = profile.competencies().get(0);
        assertThat(trust.byRelationship().get(PEER)).isEqualTo(new GroupScore(1.0, 3));
        assertThat(trust.others()).isEqualTo(3.07); // (11 + 29 + 3) / (11 + 3)
        assertThat(profile.comments().get("start")).contains("peer idea");
    }

    @Test
    void thresholdIsNeverBelowThree() {
        var groups = Map.of(
                MANAGER,
                group(1, Map.of("t1", t(4, 1)), Map.of()),
                PEER,
                group(2, Map.of("t1", t(2, 2)), Map.of("start", List.of("two peers only"))));
        var subject = subject(1, Map.of(MANAGER, 1, PEER, 2));

        LeadershipProfile profile = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        assertThat(profile.anonymityThreshold()).isEqualTo(3);
        assertThat(profile.competencies().get(0).byRelationship()).containsEntry(PEER, null);
        assertThat(profile.competencies().get(0).others()).isEqualTo(4.0);
        assertThat(profile.comments().get("start")).isEmpty();
        assertThat(profile.responses()).containsEntry(PEER, null);
    }

    /**
     * Peers: 4 invited, 2 answered, destroyed at the close (none published). Others: 2 invited,
     * both answered, destroyed too. Direct reports: 3 of 3.
     */
    @Test
    void responsesAreTheClosesCountsAndNoneForAnAnonymousGroupOfFewerThanThresholdInvited() {
        var groups = Map.of(
                SELF,
                group(1, Map.of("t1", t(4, 1)), Map.of()),
                DIRECT_REPORT,
                group(3, Map.of("t1", t(9, 3)), Map.of()));
        var subject = subject(
                3,
                Map.of(SELF, 1, PEER, 4, OTHER, 2, DIRECT_REPORT, 3),
                Map.of(),
                Map.of(SELF, 1, PEER, 2, OTHER, 2, DIRECT_REPORT, 3));

        LeadershipProfile profile = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        assertThat(profile.responses())
                .containsOnlyKeys(SELF, PEER, DIRECT_REPORT, OTHER)
                .containsEntry(SELF, 1)
                .containsEntry(PEER, 2)
                .containsEntry(DIRECT_REPORT, 3)
                .containsEntry(OTHER, null);
        assertThat(profile.competencies().get(0).byRelationship())
                .containsEntry(PEER, null)
                .containsEntry(OTHER, null)
                .containsEntry(DIRECT_REPORT, new GroupScore(3.0, 3));
    }

    @Test
    void administratorNominationsAreShownForShownAnonymousGroupsOnly() {
        var groups = Map.of(
                MANAGER,
                group(1, Map.of("t1", t(4, 1)), Map.of()),
                PEER,
                group(2, Map.of("t1", t(2, 2)), Map.of()),
                DIRECT_REPORT,
                group(3, Map.of("t1", t(9, 3)), Map.of()),
                OTHER,
                group(4, Map.of("t1", t(12, 4)), Map.of()));
        var subject = subject(
                3,
                Map.of(MANAGER, 1, PEER, 5, DIRECT_REPORT, 3, OTHER, 4),
                Map.of(MANAGER, 1, PEER, 2, OTHER, 2),
                Map.of(MANAGER, 1, PEER, 2, DIRECT_REPORT, 3, OTHER, 4));

        LeadershipProfile profile = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        // the peers are hidden (2 responses): how many of them an administrator chose is not shown either
        assertThat(profile.nominatedByAdministrator())
                .containsExactly(Map.entry(DIRECT_REPORT, 0), Map.entry(OTHER, 2));
    }

    @Test
    void managerIsShownEvenAlone_andLeadingIndexRoundsHalfUp() {
        // ratings 1 and 2: m = 1.5, index = 100 × 0.5 / 4 = 12.5 → 13
        var groups = Map.of(MANAGER, group(1, Map.of("t1", t(1, 1), "t2", t(2, 1)), Map.of()));
        var subject = subject(3, Map.of(MANAGER, 1));

        LeadershipProfile profile = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        assertThat(profile.competencies().get(0).byRelationship().get(MANAGER)).isEqualTo(new GroupScore(1.5, 1));
        assertThat(profile.leadingIndex()).isEqualTo(13);
        assertThat(profile.competencies().get(0).self()).isNull();
        assertThat(profile.blindSpots()).isEmpty();
    }

    @Test
    void nothingShownMeansNullScoresAndNoIndex() {
        var groups = Map.of(
                SELF,
                group(1, Map.of("t1", t(5, 1)), Map.of()),
                DIRECT_REPORT,
                group(2, Map.of("t1", t(2, 2)), Map.of("start", List.of("hidden"))));
        var subject = subject(3, Map.of(SELF, 1, DIRECT_REPORT, 4));

        LeadershipProfile profile = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        CompetencyScore trust = profile.competencies().get(0);
        assertThat(trust.self()).isEqualTo(5.0);
        assertThat(trust.others()).isNull();
        assertThat(trust.byRelationship()).containsOnlyKeys(DIRECT_REPORT).containsEntry(DIRECT_REPORT, null);
        assertThat(profile.leadingIndex()).isNull();
        assertThat(profile.blindSpots()).isEmpty();
        assertThat(profile.comments().get("start")).isEmpty();
        assertThat(profile.responses()).containsExactly(Map.entry(SELF, 1), Map.entry(DIRECT_REPORT, 2));
    }

    @Test
    void gapOfExactlyOneCountsAsBlindSpot() {
        var groups = Map.of(
                SELF, group(1, Map.of("v1", t(5, 1)), Map.of()), MANAGER, group(1, Map.of("v1", t(4, 1)), Map.of()));
        var subject = subject(3, Map.of(SELF, 1, MANAGER, 1));

        LeadershipProfile profile = ProfileCalculator.calculate(subject, new ProfileAggregate(groups));

        assertThat(profile.blindSpots()).containsExactly("VISION");
        assertThat(profile.hiddenStrengths()).isEmpty();
    }

    static GroupTally group(int responses, Map<String, ItemTally> items, Map<String, List<String>> comments) {
        return new GroupTally(responses, new HashMap<>(items), comments);
    }

    static ItemTally t(long sum, long count) {
        return new ItemTally(sum, count);
    }
}
