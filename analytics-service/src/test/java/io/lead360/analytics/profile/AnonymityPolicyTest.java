package io.lead360.analytics.profile;

import org.junit.jupiter.api.Test;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.OTHER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;

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
    void thresholdBelowTwoIsRaisedToTwo() {
        var policy = new AnonymityPolicy(1);

        assertThat(policy.threshold()).isEqualTo(2);
        assertThat(policy.isShown(PEER, 1)).isFalse();
    }
}
