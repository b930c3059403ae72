package io.lead360.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.ingest.OpenedEvent;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database-decided idempotency of ARCHITECTURE.md "Analytics aggregates", checked on the
 * MongoDB-protocol server the tests run against (mongo-java-server without Docker). The stores
 * take events already opened, as the ingest hands them over.
 */
class IdempotentStoresIT extends AbstractIT {

    @Autowired
    ProfileAggregateStore aggregates;

    @Autowired
    CycleStore cycles;

    @Autowired
    ActiveCollections collections;

    @Test
    void redeliveredSubmissionIsAppliedOnce() {
        String cycleId = unique("cycle");
        var first = opened(cycleId, Relationship.PEER, Map.of("t1", 4, "t3", 2), Map.of("start", "listen"));
        var second = opened(cycleId, Relationship.PEER, Map.of("t1", 2), Map.of("start", " "));

        assertThat(aggregates.apply(first)).isTrue();
        assertThat(aggregates.apply(first)).isFalse();
        assertThat(aggregates.apply(second)).isTrue();
        assertThat(aggregates.apply(second)).isFalse();
        assertThat(aggregates.apply(first)).isFalse();

        ProfileAggregate.GroupTally peers = aggregates.find(cycleId, "lea").group(Relationship.PEER);
        assertThat(peers.responses()).isEqualTo(2);
        assertThat(peers.item("t1")).isEqualTo(new ProfileAggregate.ItemTally(6, 2));
        assertThat(peers.item("t3")).isEqualTo(new ProfileAggregate.ItemTally(2, 1));
        assertThat(peers.comments()).containsEntry("start", List.of("listen"));
    }

    @Test
    void twoInstancesRacingOnTheSameEventsApplyEachOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String cycleId = unique("race");
                List<OpenedEvent.Submission> batch = IntStream.range(0, 5)
                        .mapToObj(i -> opened(
                                cycleId, Relationship.DIRECT_REPORT, Map.of("t1", 1 + i), Map.of("start", "idea " + i)))
                        .toList();
                // both "instances" got the same batch (a rebalance hands it to both): one bulk write each, at once
                var one = pool.submit(() -> aggregates.applyAll(batch, collections.active()));
                var two = pool.submit(() -> aggregates.applyAll(batch, collections.active()));
                boolean[] first = one.get();
                boolean[] second = two.get();
                for (int i = 0; i < batch.size(); i++) {
                    assertThat(first[i] ^ second[i])
                            .as("event %d applied by exactly one instance", i)
                            .isTrue();
                }
                ProfileAggregate.GroupTally reports =
                        aggregates.find(cycleId, "lea").group(Relationship.DIRECT_REPORT);
                assertThat(reports.responses()).isEqualTo(5);
                assertThat(reports.item("t1")).isEqualTo(new ProfileAggregate.ItemTally(1 + 2 + 3 + 4 + 5, 5));
                assertThat(reports.comments().get("start")).hasSize(5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * applyAll folds a subject's events of a batch into one write: the counts must be those of
     * applying the events one by one, a duplicate within the batch counts once, and a batch that
     * overlaps an earlier one applies only the events that batch did not.
     */
    @Test
    void foldedBatchCountsAsOneByOneWithDuplicatesWithinAndAcrossBatches() {
        String folded = unique("folded");
        String single = unique("single");
        List<OpenedEvent.Submission> foldedEvents = IntStream.range(0, 6)
                .mapToObj(i -> opened(
                        folded,
                        i % 2 == 0 ? Relationship.PEER : Relationship.MANAGER,
                        Map.of("t1", 1 + i % 5, "t3", 5 - i % 5),
                        Map.of("start", "idea " + (5 - i))))
                .toList();
        List<OpenedEvent.Submission> singleEvents = foldedEvents.stream()
                .map(e -> opened(
                        single,
                        e.answers().relationship(),
                        e.answers().ratings(),
                        e.answers().comments()))
                .toList();
        singleEvents.forEach(e -> assertThat(aggregates.apply(e)).isTrue());

        var firstBatch = List.of(foldedEvents.get(0), foldedEvents.get(1), foldedEvents.get(0), foldedEvents.get(2));
        assertThat(aggregates.applyAll(firstBatch, collections.active())).containsExactly(true, true, false, true);
        var secondBatch = List.of(foldedEvents.get(2), foldedEvents.get(3), foldedEvents.get(4), foldedEvents.get(5));
        assertThat(aggregates.applyAll(secondBatch, collections.active())).containsExactly(false, true, true, true);
        assertThat(aggregates.applyAll(foldedEvents, collections.active())).containsOnly(false);

        ProfileAggregate expected = aggregates.find(single, "lea");
        ProfileAggregate actual = aggregates.find(folded, "lea");
        for (Relationship relationship : List.of(Relationship.PEER, Relationship.MANAGER)) {
            ProfileAggregate.GroupTally want = expected.group(relationship);
            ProfileAggregate.GroupTally got = actual.group(relationship);
            assertThat(got.responses()).isEqualTo(want.responses()).isEqualTo(3);
            assertThat(got.items()).isEqualTo(want.items());
            assertThat(got.histograms()).isEqualTo(want.histograms());
            assertThat(got.comments()).isEqualTo(want.comments());
        }
    }

    @Test
    void cycleStatusNeverMovesBack() {
        String cycleId = unique("cycle");
        var opened = opening(cycleId);
        var closed = closing(cycleId, Map.of(Relationship.SELF, 1));
        var released = new CycleChange.Released(resultsReleased(cycleId, List.of("lea")));

        cycles.apply(opened);
        cycles.apply(closed);
        cycles.apply(released);
        cycles.apply(closing(cycleId, Map.of(Relationship.SELF, 7)));
        cycles.apply(opened);

        var cycle = cycles.find(cycleId).orElseThrow();
        assertThat(cycle.status()).isEqualTo(CycleStatus.RELEASED);
        assertThat(cycle.questionnaire().competencies()).hasSize(2);
        assertThat(cycle.invitationsFor("lea").invited()).containsEntry(Relationship.SELF, 1);
        assertThat(cycle.invitationsFor("lea").nominatedByAdministrator()).isEmpty();
        assertThat(cycle.tallyFor("lea"))
                .hasValue(new Cycle.Tally(Map.of(Relationship.SELF, 1), Map.of(Relationship.SELF, 1)));
    }

    @Test
    void cycleThatClosesBeforeItsOpeningArrivesStaysClosed() {
        String cycleId = unique("cycle");

        cycles.apply(closing(cycleId, Map.of()));
        cycles.apply(opening(cycleId));

        assertThat(cycles.find(cycleId).orElseThrow().status()).isEqualTo(CycleStatus.CLOSED);
    }

    private static OpenedEvent.Submission opened(
            String cycleId, Relationship relationship, Map<String, Integer> ratings, Map<String, String> comments) {
        var answers = new FeedbackSubmitted.Answers(relationship, "leadership-360", ratings, comments);
        return new OpenedEvent.Submission(
                submission(cycleId, "lea", Instant.parse("2026-03-01T00:00:00Z"), answers), answers);
    }

    private static CycleChange.Opened opening(String cycleId) {
        return new CycleChange.Opened(
                cycleOpened(cycleId, 3, Map.of("lea", Map.of(Relationship.SELF, 1))),
                Map.of("lea", new Cycle.Invitations(Map.of(Relationship.SELF, 1), Map.of())));
    }

    private static CycleChange.Closed closing(String cycleId, Map<Relationship, Integer> responded) {
        return new CycleChange.Closed(
                cycleClosed(cycleId, Map.of("lea", responded)), Map.of("lea", new Cycle.Tally(responded, responded)));
    }
}
