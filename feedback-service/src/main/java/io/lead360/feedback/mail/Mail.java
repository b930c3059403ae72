package io.lead360.feedback.mail;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in the outbox ({@code mail_outbox}): what it is and for whom, never its text. The text is
 * written right before each attempt from what holds then (so a link in it exists nowhere at rest and
 * an invitation lists what is still open). Its id is a keyed token of what it is (e.g. the invitation of
 * this person to this cycle), so enqueuing it twice keeps one. Once sent, failed for good or cancelled,
 * the person is removed: what stays says only that a message of this kind for this cycle was sent (or
 * not), for the counts administrators see.
 *
 * @param personId     whom it is for, while it is waiting
 * @param claimedUntil while a sender works on it; another may take it over afterwards
 */
@Document(Mail.COLLECTION)
record Mail(
        @Id String id,
        MailKind kind,
        String cycleId,
        String personId,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant claimedUntil,
        String failure) {

    static final String COLLECTION = "mail_outbox";

    /** QUEUED: waiting (or retrying); SENDING: claimed; SENT, FAILED (for good), CANCELLED: done, person gone. */
    enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED,
        CANCELLED
    }

    /** The Message-ID header: the same for every attempt, so a mail client can tell a rare repeat. */
    String messageId(String domain) {
        return "<" + id + "@" + domain + ">";
    }
}
