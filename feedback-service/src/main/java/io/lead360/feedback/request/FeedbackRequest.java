package io.lead360.feedback.request;

import io.lead360.events.Relationship;
import io.lead360.feedback.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Map;

/**
 * One rater's request to give feedback on one subject in one cycle: its status, the rater's draft
 * while pending, the reason if declined (never shown to the subject, never in an event; both
 * deleted when the cycle closes), the reminder points already sent and the events still to publish.
 * A submitted response is never stored here: it sits next to the rater's id only inside its
 * FeedbackSubmitted outbox entry, which is pulled once published.
 */
@Document(FeedbackRequest.COLLECTION)
record FeedbackRequest(@Id String id, String cycleId, String subjectId, String raterId, Relationship relationship,
                       RequestStatus status, Draft draft, String declineReason, List<String> remindersSent, List<OutboxEntry> outbox) {

    static final String COLLECTION = "feedback_requests";
    static final String REMINDERS_SENT = "remindersSent";
    static final String DRAFT = "draft";
    static final String DECLINE_REASON = "declineReason";

    /** A response saved for later, possibly incomplete. */
    record Draft(Map<String, Integer> ratings, Map<String, String> comments) {
    }
}
