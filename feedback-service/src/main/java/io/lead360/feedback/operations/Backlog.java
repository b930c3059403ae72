package io.lead360.feedback.operations;

import io.lead360.feedback.ballot.BallotBacklog;
import io.lead360.feedback.outbox.OutboxBacklog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What waits to be published, at one moment: the cycle and erasure outboxes' entries and the age of
 * the oldest, and the ballots' held answers. {@link #UNKNOWN} when the store could not be read: every
 * figure is then NaN, which Prometheus shows as such.
 */
record Backlog(Map<String, OutboxBacklog.Waiting> outboxes, BallotBacklog.Held ballots, Instant at) {

    static final Backlog UNKNOWN = new Backlog(Map.of(), null, null);

    boolean known() {
        return ballots != null;
    }

    double waiting(String collection) {
        if (!known()) {
            return Double.NaN;
        }
        OutboxBacklog.Waiting waiting = outboxes.get(collection);
        return waiting == null ? 0 : waiting.entries();
    }

    /** Seconds since the oldest waiting entry was written; 0 when nothing waits (or only entries without a time). */
    double oldestAgeSeconds(String collection) {
        if (!known()) {
            return Double.NaN;
        }
        OutboxBacklog.Waiting waiting = outboxes.get(collection);
        if (waiting == null || waiting.oldestWrittenAt() == null) {
            return 0;
        }
        Duration age = Duration.between(waiting.oldestWrittenAt(), at);
        return age.isNegative() ? 0 : age.toNanos() / 1e9;
    }

    double heldAnswers() {
        return known() ? ballots.answers() : Double.NaN;
    }

    double dueBallots() {
        return known() ? ballots.dueBallots() : Double.NaN;
    }
}
