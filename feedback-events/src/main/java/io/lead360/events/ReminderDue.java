package io.lead360.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending feedback request should be reminded of (a configured point before the cycle closes,
 * or an administrator's "remind now"). Names the request, not the rater: only feedback-service
 * knows whom to notify, and nothing downstream learns who has not answered yet.
 *
 * @param closesAt when the cycle closes, or null when it has no closing time
 */
public record ReminderDue(
        UUID eventId,
        int version,
        Instant occurredAt,
        String cycleId,
        String requestId,
        Instant closesAt) implements FeedbackEvent {

    public static final int VERSION = 1;

    @Override
    public String partitionKey() {
        return requestId;
    }

    @Override
    public String topic() {
        return Topics.REMINDERS;
    }
}
