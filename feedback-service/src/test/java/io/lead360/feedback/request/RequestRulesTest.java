package io.lead360.feedback.request;

import io.lead360.events.Relationship;
import io.lead360.feedback.template.Templates;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRulesTest {

    @Test
    void responseRateIsRespondedOverInvitedWithTwoDecimals() {
        assertThat(FeedbackRequests.Tally.of(3, 1, 1).responseRate()).isEqualTo(0.33);
        assertThat(FeedbackRequests.Tally.of(3, 2, 0).responseRate()).isEqualTo(0.67);
        assertThat(FeedbackRequests.Tally.of(4, 4, 0).responseRate()).isEqualTo(1.0);
        assertThat(FeedbackRequests.Tally.of(0, 0, 0).responseRate()).isEqualTo(0.0);
    }

    @Test
    void anAnonymousGroupIsShownOnlyFromTheThresholdOn() {
        assertThat(RequestViews.Visibility.of(Relationship.PEER, 3, 2).shown()).isFalse();
        assertThat(RequestViews.Visibility.of(Relationship.PEER, 3, 3).shown()).isTrue();
        assertThat(RequestViews.Visibility.of(Relationship.DIRECT_REPORT, 3, 0).anonymous()).isTrue();
        assertThat(RequestViews.Visibility.of(Relationship.OTHER, 2, 1).shown()).isFalse();
    }

    @Test
    void selfAndManagerAreAttributedAndAlwaysShown() {
        var manager = RequestViews.Visibility.of(Relationship.MANAGER, 3, 0);
        assertThat(manager.anonymous()).isFalse();
        assertThat(manager.shown()).isTrue();
        assertThat(RequestViews.Visibility.of(Relationship.SELF, 3, 0).shown()).isTrue();
    }

    @Test
    void aDraftMayBeIncompleteButIsOtherwiseValidatedLikeAResponse() {
        var empty = ResponseValidator.validateDraft(Templates.leadership360(), Map.of(), Map.of());
        assertThat(empty.valid()).isTrue();
        var bad = ResponseValidator.validateDraft(Templates.leadership360(), Map.of("trust-1", 9, "nope", 1),
                Map.of("start", "x".repeat(2001)));
        assertThat(bad.errors()).extracting(e -> e.field())
                .containsExactlyInAnyOrder("ratings.trust-1", "ratings.nope", "comments.start");
        assertThat(ResponseValidator.validate(Templates.leadership360(), Map.of(), Map.of()).valid()).isFalse();
    }
}
