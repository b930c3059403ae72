package io.lead360.feedback.mail;

import java.util.Set;

/**
 * Writes the messages of some kinds, right before each attempt to send one: from what holds at that
 * moment, so that a reminder to someone who answered meanwhile, or an invitation to a cycle that has
 * closed, is not sent at all. The features that enqueue messages write theirs.
 */
public interface MailComposer {

    Set<MailKind> kinds();

    /** @param cycleId null for messages about no cycle */
    Composition compose(MailKind kind, String cycleId, String personId);

    /** Send this now, or never (the message no longer makes sense). */
    sealed interface Composition {}

    record Send(String to, RenderedMail mail) implements Composition {}

    record Cancel(String why) implements Composition {}
}
