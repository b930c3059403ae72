package io.lead360.analytics.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.storage.ActiveCollections.Served;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.service.problem.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReleasedProfilesTest {

    private static final Served NOW = new Served(CollectionSet.INITIAL, 7);
    private static final Cycle RELEASED = cycle("spring", CycleStatus.RELEASED);
    private static final LeadershipProfile PROFILE =
            ProfileCalculator.calculate(WorkedExample.subject(), WorkedExample.aggregate());

    private final ReleasedProfiles profiles = new ReleasedProfiles(100);
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void aReleasedViewIsComputedOnceForTheSameStateCycleAndSubject() {
        assertThat(view(NOW, RELEASED, "lea")).isSameAs(PROFILE);
        assertThat(view(new Served(CollectionSet.INITIAL, 7), cycle("spring", CycleStatus.RELEASED), "lea"))
                .isSameAs(PROFILE);
        assertThat(computed).hasValue(1);
    }

    @Test
    void theKeyIsTheServedSetTheChangeCountTheCycleAndTheSubject() {
        assertThat(ReleasedProfiles.keyFor(NOW, RELEASED, "lea"))
                .contains(new ReleasedProfiles.Key(CollectionSet.INITIAL, 7, "spring", "lea"));
        view(NOW, RELEASED, "lea");

        view(NOW, RELEASED, "max");
        view(NOW, cycle("autumn", CycleStatus.RELEASED), "lea");
        assertThat(computed).as("another subject, another cycle").hasValue(3);
    }

    @Test
    void anErasureOrACycleEventAnywhereMovesTheCountAndTheViewIsComputedAgain() {
        view(NOW, RELEASED, "lea");
        view(new Served(CollectionSet.INITIAL, 8), RELEASED, "lea");
        assertThat(computed).hasValue(2);
    }

    @Test
    void aRebuildServesAnotherSetAndTheViewIsComputedAgain() {
        view(NOW, RELEASED, "lea");
        view(new Served(CollectionSet.forRebuild("r1"), 7), RELEASED, "lea");
        assertThat(computed).hasValue(2);
    }

    @Test
    void aClosedOrOpenCyclesViewIsNeverKept() {
        for (CycleStatus status : List.of(CycleStatus.OPEN, CycleStatus.CLOSED)) {
            Cycle cycle = cycle("spring", status);
            assertThat(ReleasedProfiles.keyFor(NOW, cycle, "lea")).isEmpty();
            view(NOW, cycle, "lea");
            view(NOW, cycle, "lea");
        }
        assertThat(computed).hasValue(4);
        // and a closed cycle's view does not stand in for the released one later
        view(NOW, RELEASED, "lea");
        assertThat(computed).hasValue(5);
    }

    @Test
    void aViewWhoseTrendIsNotSettledIsNotKept() {
        profiles.view(NOW, RELEASED, "lea", () -> {
            computed.incrementAndGet();
            return new ReleasedProfiles.View(PROFILE, false);
        });
        view(NOW, RELEASED, "lea");
        view(NOW, RELEASED, "lea");
        assertThat(computed).hasValue(2);
    }

    @Test
    void aRefusalIsThrownAndNothingIsKept() {
        assertThatThrownBy(() -> profiles.view(NOW, RELEASED, "lea", () -> {
                    computed.incrementAndGet();
                    throw new ConflictException("Results are still being prepared", "try again shortly");
                }))
                .isInstanceOf(ConflictException.class);
        assertThat(view(NOW, RELEASED, "lea")).isSameAs(PROFILE);
        assertThat(computed).hasValue(2);
    }

    @Test
    void sizeZeroKeepsNothing() {
        var none = new ReleasedProfiles(0);
        for (int i = 0; i < 3; i++) {
            none.view(NOW, RELEASED, "lea", () -> {
                computed.incrementAndGet();
                return new ReleasedProfiles.View(PROFILE, true);
            });
        }
        assertThat(computed).hasValue(3);
    }

    @Test
    void aReleasedCycleIsReadOncePerStateAClosedOneOrNoneEveryTime() {
        var reads = new AtomicInteger();
        Supplier<Optional<Cycle>> released = () -> {
            reads.incrementAndGet();
            return Optional.of(RELEASED);
        };
        assertThat(profiles.cycle(NOW, "spring", released)).contains(RELEASED);
        assertThat(profiles.cycle(NOW, "spring", released)).contains(RELEASED);
        assertThat(reads).hasValue(1);
        profiles.cycle(new Served(CollectionSet.INITIAL, 8), "spring", released);
        profiles.cycle(new Served(CollectionSet.forRebuild("r1"), 7), "spring", released);
        assertThat(reads).as("another count, another set").hasValue(3);

        Cycle closed = cycle("autumn", CycleStatus.CLOSED);
        for (int i = 0; i < 2; i++) {
            assertThat(profiles.cycle(NOW, "autumn", () -> {
                        reads.incrementAndGet();
                        return Optional.of(closed);
                    }))
                    .contains(closed);
            assertThat(profiles.cycle(NOW, "winter", () -> {
                        reads.incrementAndGet();
                        return Optional.empty();
                    }))
                    .isEmpty();
        }
        assertThat(reads).hasValue(7);
    }

    @Test
    void aSubjectsLatestReleasedCycleIsKeptApartFromTheCycleById() {
        var reads = new AtomicInteger();
        Supplier<Optional<Cycle>> latest = () -> {
            reads.incrementAndGet();
            return Optional.of(RELEASED);
        };
        profiles.latestReleased(NOW, "lea", latest);
        profiles.latestReleased(NOW, "lea", latest);
        profiles.latestReleased(NOW, "max", latest);
        profiles.latestReleased(new Served(CollectionSet.INITIAL, 8), "lea", latest);
        assertThat(reads).hasValue(3);
        assertThat(profiles.cycle(NOW, "lea", Optional::empty)).isEmpty();
    }

    private LeadershipProfile view(Served served, Cycle cycle, String subjectId) {
        return profiles.view(served, cycle, subjectId, () -> {
            computed.incrementAndGet();
            return new ReleasedProfiles.View(PROFILE, true);
        });
    }

    private static Cycle cycle(String id, CycleStatus status) {
        return new Cycle(
                id,
                "Cycle " + id,
                3,
                status,
                WorkedExample.subject().questionnaire(),
                Map.of("lea", Cycle.Invitations.NONE, "max", Cycle.Invitations.NONE),
                Map.of(),
                status == CycleStatus.RELEASED ? Instant.parse("2026-06-07T12:00:00Z") : null);
    }
}
