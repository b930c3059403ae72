package io.lead360.feedback.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lead360.events.Relationship;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaterAssignmentTest {

    /** ceo ← {mo, pat}; mo ← {lea, sam}; pat ← {} */
    private static Map<String, String> org() {
        Map<String, String> managerOf = new HashMap<>();
        managerOf.put("ceo", null);
        managerOf.put("mo", "ceo");
        managerOf.put("pat", "ceo");
        managerOf.put("lea", "mo");
        managerOf.put("sam", "mo");
        return managerOf;
    }

    @Test
    void aSubjectIsRatedBySelfManagerPeersAndDirectReports() {
        var assignments = RaterAssignment.assign("c1", List.of("mo"), org());

        assertThat(assignments)
                .extracting(RaterAssignment.Assignment::raterId, RaterAssignment.Assignment::relationship)
                .containsExactlyInAnyOrder(
                        tuple("mo", Relationship.SELF),
                        tuple("ceo", Relationship.MANAGER),
                        tuple("pat", Relationship.PEER),
                        tuple("lea", Relationship.DIRECT_REPORT),
                        tuple("sam", Relationship.DIRECT_REPORT));
    }

    @Test
    void aTopLeaderHasNoManagerAndNoPeers() {
        var assignments = RaterAssignment.assign("c1", List.of("ceo"), org());

        assertThat(assignments)
                .extracting(RaterAssignment.Assignment::relationship)
                .containsExactlyInAnyOrder(Relationship.SELF, Relationship.DIRECT_REPORT, Relationship.DIRECT_REPORT);
    }

    @Test
    void theSameInputGivesTheSameAssignmentsSoThatARetriedOpenAsksForTheSameRequests() {
        var first = RaterAssignment.assign("c1", List.of("mo", "lea"), org());
        var again = RaterAssignment.assign("c1", List.of("mo", "lea"), org());

        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(a -> a.subjectId() + "|" + a.raterId()).doesNotHaveDuplicates();
    }

    @Test
    void everySubjectGetsTheirOwnRaters() {
        var assignments = RaterAssignment.assign("c1", List.of("lea"), org());

        assertThat(assignments)
                .extracting(RaterAssignment.Assignment::raterId, RaterAssignment.Assignment::relationship)
                .containsExactlyInAnyOrder(
                        tuple("lea", Relationship.SELF),
                        tuple("mo", Relationship.MANAGER),
                        tuple("sam", Relationship.PEER));
    }
}
