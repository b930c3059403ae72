package io.lead360.analytics.profile;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.OTHER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnonymityPolicyTest {

    @Test
    void anonymousGroupsNeedTheThreshold() {
        var policy = new AnonymityPolicy(3);

        assertThat(policy.isShown(PEER, 2)).isFalse();
        assertThat(policy.isShown(PEER, 3)).isTrue();
        assertThat(policy.isShown(DIRECT_REPORT, 2)).isFalse();
        assertThat(policy.isShown(OTHER, 0)).isFalse();
    }

    @Test
    void selfAndManagerAreNeverSuppressed() {
        var policy = new AnonymityPolicy(5);

        assertThat(policy.isShown(SELF, 1)).isTrue();
        assertThat(policy.isShown(MANAGER, 1)).isTrue();
    }

    @Test
    void thresholdBelowThreeIsRaisedToThree() {
        for (int low : new int[] {-1, 0, 1, 2}) {
            var policy = new AnonymityPolicy(low);

            assertThat(policy.threshold()).isEqualTo(3);
            assertThat(policy.isShown(PEER, 2)).isFalse();
            assertThat(policy.isShown(PEER, 3)).isTrue();
        }
    }

    @Test
    void theResponseCountOfAnAnonymousGroupOfFewerThanThresholdInvitedIsNotShown() {
        var policy = new AnonymityPolicy(3);

        assertThat(policy.visibleResponseCount(PEER, 2, 2)).isNull();
        assertThat(policy.visibleResponseCount(OTHER, 2, 0)).isNull();
        assertThat(policy.visibleResponseCount(DIRECT_REPORT, 3, 1)).isEqualTo(1);
        assertThat(policy.visibleResponseCount(PEER, 7, 0)).isZero();
        // attributed groups are always counted
        assertThat(policy.visibleResponseCount(SELF, 1, 1)).isEqualTo(1);
        assertThat(policy.visibleResponseCount(MANAGER, 1, 0)).isZero();
    }

    @Test
    void responseCountsListEveryGroupInvitedOrAnsweringInOrder() {
        var policy = new AnonymityPolicy(3);

        var counts =
                policy.visibleResponseCounts(Map.of(OTHER, 2, SELF, 1, PEER, 4), Map.of(PEER, 1, MANAGER, 1, OTHER, 2));

        assertThat(counts).containsOnlyKeys(SELF, MANAGER, PEER, OTHER);
        assertThat(new ArrayList<>(counts.keySet())).containsExactly(SELF, MANAGER, PEER, OTHER);
        assertThat(counts)
                .containsEntry(SELF, 0)
                .containsEntry(MANAGER, 1)
                .containsEntry(PEER, 1)
                .containsEntry(OTHER, null);
    }

    @Test
    void nominationsAreOnlyForShownAnonymousGroups() {
        var policy = new AnonymityPolicy(3);

        var nominations = policy.visibleNominations(
                Set.of(SELF, MANAGER, DIRECT_REPORT, OTHER), Map.of(MANAGER, 1, PEER, 2, OTHER, 1));

        assertThat(nominations).containsExactly(Map.entry(DIRECT_REPORT, 0), Map.entry(OTHER, 1));
    }
}
