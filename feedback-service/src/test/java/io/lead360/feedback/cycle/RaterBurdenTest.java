package io.lead360.feedback.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lead360.events.Relationship;
import io.lead360.feedback.cycle.RaterAssignment.Assignment;
import io.lead360.feedback.cycle.RaterAssignment.Nominee;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RaterBurdenTest {

    /** boss ← p0..p{n-1}: every p is a peer of every other p. */
    private static Map<String, String> flatTeam(int n) {
        Map<String, String> managerOf = new HashMap<>();
        managerOf.put("boss", null);
        IntStream.range(0, n).forEach(i -> managerOf.put("p" + i, "boss"));
        return managerOf;
    }

    private static List<String> team(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
    }

    private static Map<String, Long> loadOf(List<Assignment> assignments) {
        return assignments.stream().collect(Collectors.groupingBy(Assignment::raterId, Collectors.counting()));
    }

    @Test
    void noRaterGetsMorePeerRequestsThanTheCapAllows() {
        var assignments = RaterAssignment.assign("c1", team(20), flatTeam(20), List.of(), Map.of(), 5);

        loadOf(assignments).forEach((rater, load) -> {
            if (!rater.equals("boss")) {
                assertThat(load).as(rater).isLessThanOrEqualTo(5);
            }
        });
    }

    @Test
    void selfManagerAndDirectReportsAreNeverDroppedEvenAboveTheCap() {
        var assignments = RaterAssignment.assign("c1", team(20), flatTeam(20), List.of(), Map.of("p3", 50), 5);

        assertThat(assignments)
                .filteredOn(a -> a.relationship() == Relationship.SELF)
                .hasSize(20);
        assertThat(assignments)
                .filteredOn(a -> a.relationship() == Relationship.MANAGER)
                .hasSize(20)
                .allSatisfy(a -> assertThat(a.raterId()).isEqualTo("boss"));
        assertThat(assignments)
                .filteredOn(a -> a.raterId().equals("p3"))
                .extracting(Assignment::relationship)
                .containsExactly(Relationship.SELF);

        var bossAsSubject = RaterAssignment.assign("c1", List.of("boss"), flatTeam(20), List.of(), Map.of("p0", 99), 1);
        assertThat(bossAsSubject)
                .filteredOn(a -> a.relationship() == Relationship.DIRECT_REPORT)
                .hasSize(20);
    }

    @Test
    void loadFromOtherOpenCyclesCountsTowardsTheCap() {
        var assignments =
                RaterAssignment.assign("c1", List.of("p0"), flatTeam(5), List.of(), Map.of("p1", 3, "p2", 2), 3);

        assertThat(assignments)
                .filteredOn(a -> a.relationship() == Relationship.PEER)
                .extracting(Assignment::raterId)
                .containsExactlyInAnyOrder("p2", "p3", "p4");
    }

    @Test
    void scarcePeersAreSharedRoundRobinSoNoSubjectLosesAllPeers() {
        // cap 2: each p has SELF (1) and room for one peer request
        var assignments = RaterAssignment.assign("c1", team(6), flatTeam(6), List.of(), Map.of(), 2);

        Map<String, Long> peersPerSubject = assignments.stream()
                .filter(a -> a.relationship() == Relationship.PEER)
                .collect(Collectors.groupingBy(Assignment::subjectId, Collectors.counting()));
        assertThat(peersPerSubject)
                .hasSize(6)
                .allSatisfy((subject, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void theLeastLoadedPeersAreChosenFirst() {
        var ranked = RaterAssignment.assign(
                "c1", List.of("p0"), flatTeam(4), List.of(), Map.of("p1", 2, "p2", 1, "p3", 0), 12);
        assertThat(ranked)
                .filteredOn(a -> a.relationship() == Relationship.PEER)
                .extracting(Assignment::raterId)
                .containsExactly("p3", "p2", "p1");

        // p0 and p1 both want peers: the unloaded p3 serves both, p2 (one open request already) only one
        var competing = RaterAssignment.assign("c1", List.of("p0", "p1"), flatTeam(4), List.of(), Map.of("p2", 1), 2);
        assertThat(competing).filteredOn(a -> a.raterId().equals("p3")).hasSize(2);
        assertThat(competing).filteredOn(a -> a.raterId().equals("p2")).hasSize(1);
    }

    @Test
    void theChoiceIsDeterministicForACycleButNotAlwaysTheSamePeopleAcrossCycles() {
        var first = RaterAssignment.assign("c1", team(12), flatTeam(12), List.of(), Map.of(), 3);
        var again = RaterAssignment.assign("c1", team(12), flatTeam(12), List.of(), Map.of(), 3);
        assertThat(again).isEqualTo(first);

        var peerPairs = (java.util.function.Function<List<Assignment>, List<String>>) list -> list.stream()
                .filter(a -> a.relationship() == Relationship.PEER)
                .map(a -> a.subjectId() + ">" + a.raterId())
                .sorted()
                .toList();
        boolean anyDifferent = IntStream.range(2, 8)
                .mapToObj(c -> RaterAssignment.assign("c" + c, team(12), flatTeam(12), List.of(), Map.of(), 3))
                .map(peerPairs)
                .anyMatch(p -> !p.equals(peerPairs.apply(first)));
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void approvedNomineesAreAddedOnceAndNeverDropped() {
        Map<String, String> org = flatTeam(3);
        org.put("outsider", null);
        var assignments = RaterAssignment.assign(
                "c1",
                List.of("p0"),
                org,
                List.of(
                        new Nominee("p0", "outsider", Relationship.OTHER, true),
                        new Nominee("p0", "p1", Relationship.PEER, false),
                        new Nominee("p0", "boss", Relationship.PEER, true)),
                Map.of("outsider", 40),
                2);

        assertThat(assignments)
                .extracting(Assignment::raterId, Assignment::relationship)
                .containsExactlyInAnyOrder(
                        tuple("p0", Relationship.SELF),
                        tuple("boss", Relationship.MANAGER),
                        tuple("outsider", Relationship.OTHER),
                        tuple("p1", Relationship.PEER),
                        tuple("p2", Relationship.PEER));
    }

    @Test
    void deactivatedPeopleGetNoRequests() {
        Map<String, String> org = flatTeam(3);
        org.remove("p2"); // the org chart holds active people only
        var assignments = RaterAssignment.assign(
                "c1",
                List.of("p0", "p2"),
                org,
                List.of(new Nominee("p0", "p2", Relationship.OTHER, true)),
                Map.of(),
                12);

        assertThat(assignments).extracting(Assignment::raterId).doesNotContain("p2");
        assertThat(assignments).extracting(Assignment::subjectId).containsOnly("p0");
    }
}
