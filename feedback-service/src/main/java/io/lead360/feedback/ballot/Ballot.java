package io.lead360.feedback.ballot;

import io.lead360.events.Relationship;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One subject's ballot box in one cycle ({@code _id = <cycleId>:<subjectId>}). It is the only place
 * a response is counted: a submission is accepted by one conditional update of this document, and
 * the close seals it, so that each response is either counted here before the seal or refused.
 *
 * <p>Nothing here names a rater. {@code held} are answers not yet published, already sealed with the
 * subject's key and kept in the order of a random key, not of arrival; {@code tokens} are keyed
 * one-way tokens of the requests that answered or declined (for exactly-once after a crash), kept
 * sorted. Counts per relationship: {@code invited}, {@code responded}, {@code declined}.
 *
 * <p>Flags and version are boxed: reads that need only the counts leave them out.
 *
 * @param version every accepted response or decline increments it, so that the publisher can tell
 *                whether it saw the latest state
 * @param due     something may be publishable; the publisher looks only at these
 */
@Document(Ballot.COLLECTION)
record Ballot(
        @Id String id,
        String cycleId,
        String subjectId,
        int threshold,
        Map<Relationship, Integer> invited,
        Map<Relationship, Integer> responded,
        Map<Relationship, Integer> declined,
        List<Held> held,
        List<String> tokens,
        Boolean sealed,
        Long version,
        Boolean due) {

    static final String COLLECTION = "ballots";

    static String idOf(String cycleId, String subjectId) {
        return cycleId + ":" + subjectId;
    }

    int respondedOf(Relationship relationship) {
        return responded == null ? 0 : responded.getOrDefault(relationship, 0);
    }

    int invitedOf(Relationship relationship) {
        return invited == null ? 0 : invited.getOrDefault(relationship, 0);
    }

    int declinedOf(Relationship relationship) {
        return declined == null ? 0 : declined.getOrDefault(relationship, 0);
    }

    boolean isSealed() {
        return Boolean.TRUE.equals(sealed);
    }

    boolean isDue() {
        return Boolean.TRUE.equals(due);
    }

    List<Held> heldOrEmpty() {
        return held == null ? List.of() : held;
    }

    /**
     * An answer waiting to be published: the FeedbackSubmitted record value, its answers sealed.
     *
     * @param key a random sort key: the order in which held answers are kept and published
     */
    record Held(String key, String eventId, Relationship relationship, String payload) {}
}
