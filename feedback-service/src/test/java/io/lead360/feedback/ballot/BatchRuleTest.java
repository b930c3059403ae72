package io.lead360.feedback.ballot;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.OTHER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.events.Relationship;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BatchRuleTest {

    private static final int K = 3;

    private static Ballot.Held held(Relationship relationship) {
        return new Ballot.Held(UUID.randomUUID().toString(), UUID.randomUUID().toString(), relationship, "{}");
    }

    private static List<Ballot.Held> held(Relationship relationship, int n) {
        List<Ballot.Held> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(held(relationship));
        }
        return list;
    }

    private static Map<Relationship, Integer> responded(Object... pairs) {
        Map<Relationship, Integer> map = new EnumMap<>(Relationship.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Relationship) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void attributedAnswersGoOutAsTheyCome() {
        var selection = BatchRule.select(K, false, responded(SELF, 1, MANAGER, 1), List.of(held(SELF), held(MANAGER)));
        assertThat(selection.publish()).hasSize(2);
        assertThat(selection.destroy()).isEmpty();
    }

    @Test
    void anAnonymousGroupWaitsUntilItHoldsTwiceTheThresholdThenKeepsThresholdBack() {
        for (int n = 1; n < 2 * K; n++) {
            assertThat(BatchRule.select(K, false, responded(DIRECT_REPORT, n), held(DIRECT_REPORT, n))
                            .isEmpty())
                    .as("%d held", n)
                    .isTrue();
        }
        List<Ballot.Held> seven = held(DIRECT_REPORT, 7);
        var selection = BatchRule.select(K, false, responded(DIRECT_REPORT, 7), seven);
        assertThat(selection.publish()).hasSize(4);
        // the smallest random keys go, not the first to arrive
        List<String> keys = seven.stream().map(Ballot.Held::key).sorted().toList();
        assertThat(selection.publish()).extracting(Ballot.Held::key).containsExactlyElementsOf(keys.subList(0, 4));
    }

    @Test
    void atTheCloseAGroupThatReachedTheThresholdPublishesEverythingAndOneBelowItIsDestroyed() {
        var selection = BatchRule.select(
                K,
                true,
                responded(DIRECT_REPORT, 5, PEER, 2, OTHER, 1, MANAGER, 1),
                concat(held(DIRECT_REPORT, 3), held(PEER, 2), held(OTHER, 1), held(MANAGER, 1)));
        assertThat(selection.publish())
                .extracting(Ballot.Held::relationship)
                .containsOnly(DIRECT_REPORT, MANAGER)
                .hasSize(4);
        assertThat(selection.destroy())
                .extracting(Ballot.Held::relationship)
                .containsOnly(PEER, OTHER)
                .hasSize(3);
    }

    @Test
    void whatIsPublishedInAllIsEveryResponseOrNoneOfAnAnonymousGroupBelowTheThreshold() {
        assertThat(BatchRule.publishedAtClose(MANAGER, 1, K)).isEqualTo(1);
        assertThat(BatchRule.publishedAtClose(SELF, 1, K)).isEqualTo(1);
        assertThat(BatchRule.publishedAtClose(PEER, 2, K)).isZero();
        assertThat(BatchRule.publishedAtClose(PEER, 3, K)).isEqualTo(3);
    }

    /**
     * Answers arrive one by one while two publishers, each with its own possibly stale view, publish
     * and pull what the rule chose; then the close. Whatever the interleaving: every answer is
     * published or destroyed exactly as publishedAtClose says, every batch a publisher sends holds at
     * least k of a group, and no answer is lost.
     */
    @RepeatedTest(200)
    void anyInterleavingOfArrivalsAndTwoPublishersKeepsBatchesOfAtLeastKAndLosesNothing() {
        Random random = new Random();
        int total = random.nextInt(12);
        List<Ballot.Held> held = new ArrayList<>();
        Set<String> published = new HashSet<>();
        Set<String> destroyed = new HashSet<>();
        List<Ballot.Held> staleView = List.of();
        for (int arrived = 1; arrived <= total; arrived++) {
            held.add(held(PEER));
            if (random.nextBoolean()) {
                staleView = List.copyOf(held);
            }
            List<Ballot.Held> view = random.nextBoolean() ? List.copyOf(held) : staleView;
            var selection = BatchRule.select(K, false, responded(PEER, arrived), view);
            if (!selection.publish().isEmpty()) {
                assertThat(selection.publish().size()).isGreaterThanOrEqualTo(K);
            }
            selection.publish().forEach(h -> published.add(h.eventId()));
            held.removeIf(h -> published.contains(h.eventId()));
            assertThat(total < K || held.size() >= Math.min(arrived, K)).isTrue();
        }
        var last = BatchRule.select(K, true, responded(PEER, total), List.copyOf(held));
        last.publish().forEach(h -> published.add(h.eventId()));
        last.destroy().forEach(h -> destroyed.add(h.eventId()));
        if (!last.publish().isEmpty()) {
            assertThat(last.publish().size()).isGreaterThanOrEqualTo(K);
        }
        assertThat(published.size() + destroyed.size()).isEqualTo(total);
        assertThat(published).hasSize(BatchRule.publishedAtClose(PEER, total, K));
    }

    @SafeVarargs
    private static List<Ballot.Held> concat(List<Ballot.Held>... lists) {
        List<Ballot.Held> all = new ArrayList<>();
        for (List<Ballot.Held> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
