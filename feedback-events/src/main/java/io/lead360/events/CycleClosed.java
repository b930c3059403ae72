package io.lead360.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A cycle closed: no more submissions. {@code responded} counts the responses per subject and
 * relationship, so a consumer can tell when it has applied every submission of the cycle.
 */
public record CycleClosed(
        UUID eventId,
        int version,
        Instant occurredAt,
        String cycleId,
        Map<String, Map<Relationship, Integer>> responded) implements FeedbackEvent {

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
