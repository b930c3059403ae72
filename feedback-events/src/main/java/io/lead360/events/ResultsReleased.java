package io.lead360.events;

import java.time.Instant;
import java.util.UUID;

/** An administrator released a closed cycle's results: subjects may now see their profiles. */
public record ResultsReleased(
        UUID eventId,
        int version,
        Instant occurredAt,
        String cycleId) implements FeedbackEvent {

    public static final int VERSION = 1;

    @Override
    public String partitionKey() {
        return cycleId;
    }

    @Override
    public String topic() {
        return Topics.CYCLE_EVENTS;
    }
}
