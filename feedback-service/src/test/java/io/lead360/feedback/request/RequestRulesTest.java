package io.lead360.feedback.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.events.Relationship;
import io.lead360.feedback.ballot.Participation;
import io.lead360.feedback.template.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

    @Test
    void responseRateIsRespondedOverInvitedWithTwoDecimals() {
        assertThat(Participation.of(Relationship.PEER, 3, 3, 1, 1).responseRate())
                .isEqualTo(0.33);
        assertThat(Participation.of(Relationship.PEER, 3, 3, 2, 0).responseRate())
                .isEqualTo(0.67);
        assertThat(Participation.of(Relationship.DIRECT_REPORT, 3, 4, 4, 0).responseRate())
                .isEqualTo(1.0);
        assertThat(Participation.of(Relationship.MANAGER, 3, 0, 0, 0).responseRate())
                .isEqualTo(0.0);
    }

    @Test
    void anAnonymousGroupSmallerThanTheThresholdShowsOnlyHowManyWereInvited() {
        var two = Participation.of(Relationship.PEER, 3, 2, 1, 1);
        assertThat(two.invited()).isEqualTo(2);
        assertThat(two.responded()).isNull();
        assertThat(two.declined()).isNull();
        assertThat(two.responseRate()).isNull();
        assertThat(Participation.of(Relationship.MANAGER, 3, 1, 1, 0).responded())
                .isEqualTo(1);
        assertThat(Participation.of(Relationship.OTHER, 3, 3, 0, 0).responded()).isZero();
    }

    @Test
    void anAnonymousGroupIsShownOnlyFromTheThresholdOn() {
        assertThat(RequestViews.Visibility.of(Relationship.PEER, 3, 4, 2).shown())
                .isFalse();
        assertThat(RequestViews.Visibility.of(Relationship.PEER, 3, 4, 3).shown())
                .isTrue();
        assertThat(RequestViews.Visibility.of(Relationship.DIRECT_REPORT, 3, 3, 0)
                        .anonymous())
                .isTrue();
        var small = RequestViews.Visibility.of(Relationship.OTHER, 3, 2, 2);
        assertThat(small.shown()).isFalse();
        assertThat(small.responded()).isNull();
    }

    @Test
    void selfAndManagerAreAttributedAndAlwaysShown() {
        var manager = RequestViews.Visibility.of(Relationship.MANAGER, 3, 1, 0);
        assertThat(manager.anonymous()).isFalse();
        assertThat(manager.shown()).isTrue();
        assertThat(RequestViews.Visibility.of(Relationship.SELF, 3, 1, 0).shown())
                .isTrue();
    }

    @Test
    void aDraftMayBeIncompleteButIsOtherwiseValidatedLikeAResponse() {
        var empty = ResponseValidator.validateDraft(Templates.leadership360(), Map.of(), Map.of());
        assertThat(empty.valid()).isTrue();
        var bad = ResponseValidator.validateDraft(
                Templates.leadership360(), Map.of("trust-1", 9, "nope", 1), Map.of("start", "x".repeat(2001)));
        assertThat(bad.errors())
                .extracting(e -> e.field())
                .containsExactlyInAnyOrder("ratings.trust-1", "ratings.nope", "comments.start");
        assertThat(ResponseValidator.validate(Templates.leadership360(), Map.of(), Map.of())
                        .valid())
                .isFalse();
    }
}
