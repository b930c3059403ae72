package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cycle needs from its feedback requests, owned by the cycle feature and implemented by the
 * request feature: create them when the cycle opens, the raters' load, forgetting the raters' notes at
 * close, and who still owes an answer (for mails, counts and ids only, never an answer).
 */
public interface CycleRequests {

    /** One of a rater's requests, as a mail lists it. */
    record Pending(String requestId, String subjectId, Relationship relationship) {}

    /** Creates the requests of a cycle that opens; a request that already exists is skipped (a retried open). */
    void createAll(String cycleId, List<NewRequest> requests);

    /**
     * The cycles closed: the drafts and decline reasons of their requests are deleted.
     *
     * @return how many requests lost a draft or a reason
     */
    long forgetRaterNotes(Collection<String> cycleIds);

    /** Rater id to their PENDING requests in the given (open) cycles: the rater burden so far. */
    Map<String, Integer> openLoad(Collection<String> openCycleIds);

    /** Who still has a PENDING request in the cycle (for invitations and reminders only). */
    Set<String> pendingRaters(String cycleId);

    /** The rater's requests of the cycle still PENDING, in a stable order. */
    List<Pending> pendingOf(String cycleId, String raterId);

    /** How many requests of the cycle are still PENDING (counts, never who). */
    long pendingCount(String cycleId);
}
