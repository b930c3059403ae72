package io.lead360.feedback.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.feedback.ballot.BallotBacklog;
import io.lead360.feedback.outbox.OutboxBacklog;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacklogTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void theOldestWaitingEntrysAgeIsCountedFromWhenItWasWritten() {
        Backlog backlog = new Backlog(
                Map.of("cycles", new OutboxBacklog.Waiting(2, NOW.minusSeconds(90))),
                new BallotBacklog.Held(7, 2),
                NOW);

        assertThat(backlog.waiting("cycles")).isEqualTo(2);
        assertThat(backlog.oldestAgeSeconds("cycles")).isEqualTo(90.0);
        assertThat(backlog.heldAnswers()).isEqualTo(7);
        assertThat(backlog.dueBallots()).isEqualTo(2);
    }

    @Test
    void nothingWaitingIsZeroAndAnEntryWithoutATimeHasNoAge() {
        Backlog backlog =
                new Backlog(Map.of("cycles", new OutboxBacklog.Waiting(1, null)), new BallotBacklog.Held(0, 0), NOW);

        assertThat(backlog.waiting("erasures")).isZero();
        assertThat(backlog.oldestAgeSeconds("erasures")).isZero();
        assertThat(backlog.oldestAgeSeconds("cycles")).isZero();
    }

    @Test
    void anEntryWrittenAfterTheReadingIsNotNegativelyOld() {
        Backlog backlog = new Backlog(
                Map.of("cycles", new OutboxBacklog.Waiting(1, NOW.plusSeconds(5))), new BallotBacklog.Held(0, 0), NOW);

        assertThat(backlog.oldestAgeSeconds("cycles")).isZero();
    }

    @Test
    void whatCouldNotBeReadIsUnknownNotZero() {
        assertThat(Backlog.UNKNOWN.waiting("cycles")).isNaN();
        assertThat(Backlog.UNKNOWN.oldestAgeSeconds("cycles")).isNaN();
        assertThat(Backlog.UNKNOWN.heldAnswers()).isNaN();
        assertThat(Backlog.UNKNOWN.dueBallots()).isNaN();
    }
}
