package io.lead360.analytics.profile;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.GroupTally;
import io.lead360.events.Relationship;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A closed cycle's profile is shown once every response the close published has been applied, and not before. */
class ProfileCompletenessTest {

    /** 2 of 4 peers answered: below the threshold, destroyed at the close, never published. */
    private static final Cycle.Tally TALLY = new Cycle.Tally(
            Map.of(MANAGER, 1, PEER, 2, DIRECT_REPORT, 3), Map.of(MANAGER, 1, PEER, 0, DIRECT_REPORT, 3));

    @Test
    void completeExactlyWhenEveryPublishedResponseIsApplied() {
        Cycle cycle = closed(TALLY);

        assertThat(ProfileService.isComplete(cycle, "lea", applied(Map.of(MANAGER, 1, DIRECT_REPORT, 2))))
                .isFalse();
        assertThat(ProfileService.isComplete(cycle, "lea", applied(Map.of(DIRECT_REPORT, 3))))
                .isFalse();
        assertThat(ProfileService.isComplete(cycle, "lea", applied(Map.of(MANAGER, 1, DIRECT_REPORT, 3))))
                .isTrue();
    }

    @Test
    void answersDestroyedAtTheCloseAreNotWaitedFor() {
        // responded counts 2 peers, but none of them will ever arrive
        assertThat(ProfileService.isComplete(closed(TALLY), "lea", applied(Map.of(MANAGER, 1, DIRECT_REPORT, 3))))
                .isTrue();
    }

    @Test
    void withoutTheClosesTallyForTheSubjectNothingSaysWhatCompleteIs() {
        assertThat(ProfileService.isComplete(closed(TALLY), "max", applied(Map.of(MANAGER, 1, DIRECT_REPORT, 3))))
                .isFalse();
    }

    private static Cycle closed(Cycle.Tally tally) {
        return new Cycle(
                "c1",
                "Spring",
                3,
                CycleStatus.CLOSED,
                ProfileCalculatorTest.QUESTIONNAIRE,
                Map.of(
                        "lea",
                        new Cycle.Invitations(Map.of(MANAGER, 1, PEER, 4, DIRECT_REPORT, 3), Map.of()),
                        "max",
                        new Cycle.Invitations(Map.of(MANAGER, 1), Map.of())),
                Map.of("lea", tally),
                null);
    }

    private static ProfileAggregate applied(Map<Relationship, Integer> responses) {
        var groups = new EnumMap<Relationship, GroupTally>(Relationship.class);
        responses.forEach((r, n) -> groups.put(r, new GroupTally(n, Map.of(), Map.of())));
        return new ProfileAggregate(groups);
    }
}
