package io.lead360.analytics;

import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.ingest.ProfileAggregate;
import io.lead360.analytics.ingest.ProfileAggregateStore;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database-decided idempotency of ARCHITECTURE.md "Analytics aggregates", checked on the
 * MongoDB-protocol server the tests run against (mongo-java-server without Docker).
 */
class IdempotentStoresIT extends IntegrationTestBase {

    @Autowired
    ProfileAggregateStore aggregates;

    @Autowired
    CycleStore cycles;

    @Autowired
    io.lead360.analytics.storage.ActiveCollections collections;

    @Test
    void redeliveredSubmissionIsAppliedOnce() {
        String cycleId = unique("cycle");
        var first = submission(cycleId, "lea", Relationship.PEER, Map.of("t1", 4, "t3", 2), Map.of("start", "listen"));
        var second = submission(cycleId, "lea", Relationship.PEER, Map.of("t1", 2), Map.of("start", " "));

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
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String cycleId = unique("race");
                List<io.lead360.events.FeedbackSubmitted> batch = java.util.stream.IntStream.range(0, 5)
                        .mapToObj(i -> submission(cycleId, "lea", Relationship.DIRECT_REPORT, Map.of("t1", 1 + i),
                                Map.of("start", "idea " + i)))
                        .toList();
                // both "instances" got the same batch (a rebalance hands it to both): one bulk write each, at once
                var one = pool.submit(() -> aggregates.applyAll(batch, collections.active()));
                var two = pool.submit(() -> aggregates.applyAll(batch, collections.active()));
                boolean[] first = one.get();
                boolean[] second = two.get();
                for (int i = 0; i < batch.size(); i++) {
                    assertThat(first[i] ^ second[i]).as("event %d applied by exactly one instance", i).isTrue();
                }
                ProfileAggregate.GroupTally reports = aggregates.find(cycleId, "lea").group(Relationship.DIRECT_REPORT);
                assertThat(reports.responses()).isEqualTo(5);
                assertThat(reports.item("t1")).isEqualTo(new ProfileAggregate.ItemTally(1 + 2 + 3 + 4 + 5, 5));
                assertThat(reports.comments().get("start")).hasSize(5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cycleStatusNeverMovesBack() {
        String cycleId = unique("cycle");
        CycleOpened opened = cycleOpened(cycleId, 3, Map.of("lea", Map.of(Relationship.SELF, 1)));
        var closed = new CycleClosed(UUID.randomUUID(), 1, Instant.now(), cycleId, Map.of("lea", Map.of(Relationship.SELF, 1)));
        var released = new ResultsReleased(UUID.randomUUID(), 1, Instant.now(), cycleId);

        cycles.applyOpened(opened);
        cycles.applyClosed(closed);
        cycles.applyReleased(released);
        cycles.applyClosed(closed);
        cycles.applyOpened(opened);

        var cycle = cycles.find(cycleId).orElseThrow();
        assertThat(cycle.status()).isEqualTo(CycleStatus.RELEASED);
        assertThat(cycle.questionnaire().competencies()).hasSize(2);
        assertThat(cycle.invitedFor("lea")).containsEntry(Relationship.SELF, 1);
    }

    @Test
    void cycleThatClosesBeforeItsOpeningArrivesStaysClosed() {
        String cycleId = unique("cycle");

        cycles.applyClosed(new CycleClosed(UUID.randomUUID(), 1, Instant.now(), cycleId, Map.of()));
        cycles.applyOpened(cycleOpened(cycleId, 3, Map.of("lea", Map.of(Relationship.SELF, 1))));

        assertThat(cycles.find(cycleId).orElseThrow().status()).isEqualTo(CycleStatus.CLOSED);
    }
}
