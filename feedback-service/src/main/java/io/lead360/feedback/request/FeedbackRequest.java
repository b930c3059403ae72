package io.lead360.feedback.request;

import io.lead360.events.Relationship;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rater's request to give feedback on one subject in one cycle. Its id is random (one request
 * per cycle, subject and rater is kept by a unique index), so it says nothing about whose it is.
 * It holds the status the rater sees, and while the cycle is open the rater's draft and decline
 * reason, both sealed with the subject's key and deleted at close. A response is never stored here:
 * it is counted and held, without the rater, in the subject's ballot.
 *
 * @param draft         the rater's saved draft ({@link Draft} as JSON), sealed; null when none
 * @param declineReason the reason the rater gave for declining, sealed; null when none
 */
@Document(FeedbackRequest.COLLECTION)
record FeedbackRequest(
        @Id String id,
        String cycleId,
        String subjectId,
        String raterId,
        Relationship relationship,
        RequestStatus status,
        String draft,
        String declineReason) {

    static final String COLLECTION = "feedback_requests";
    static final String DRAFT = "draft";
    static final String DECLINE_REASON = "declineReason";

    /** A response saved for later, possibly incomplete. */
    record Draft(java.util.Map<String, Integer> ratings, java.util.Map<String, String> comments) {}
}
