package io.lead360.feedback.mail;

/**
 * Whether a waiting message still makes sense, asked right before it is sent: a reminder to someone who
 * answered meanwhile, or an invitation to a cycle that closed, is not sent. The features that enqueue
 * messages answer for theirs.
 */
public interface MailRelevance {

    enum Decision { SEND, WAIT, CANCEL }

    /** @param cycleId null for messages about no cycle */
    Decision decide(MailKind kind, String cycleId, String personId);
}
