package io.lead360.feedback.ballot;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.Relationship;
import io.lead360.feedback.keys.DataKey;
import io.lead360.feedback.outbox.Wakeup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ballot boxes: created when a cycle opens, one per subject; a response or decline is accepted by
 * one conditional update (still unsealed, that request not yet in); the close seals them all first,
 * so the counts it reads are final and a submission racing it is either in them or refused.
 */
@Component
public class Ballots {

    private static final int DUPLICATE_KEY = 11000;

    /** What became of a response or decline handed to the ballot. */
    public enum Outcome {
        /** Counted now. */
        ACCEPTED,
        /** The ballot is sealed: the cycle closed. Nothing was counted. */
        SEALED,
        /** This request already answered (an earlier attempt was counted). */
        ALREADY_SUBMITTED,
        /** This request already declined. */
        ALREADY_DECLINED,
        /** No ballot: the subject is not (or no longer) in the cycle. */
        NO_BALLOT
    }

    /** Per relationship counts of one subject's ballot. */
    public record Counts(
            Map<Relationship, Integer> invited,
            Map<Relationship, Integer> responded,
            Map<Relationship, Integer> declined,
            int threshold,
            boolean sealed) {}

    private final MongoTemplate mongo;
    private final DataKey dataKey;
    /** Rung when a ballot becomes due here, so the publisher need not wait for its idle poll. */
    private final Wakeup due = new Wakeup();

    Ballots(MongoTemplate mongo, DataKey dataKey) {
        this.mongo = mongo;
        this.dataKey = dataKey;
    }

    /** One ballot per subject; one that exists already (a retried open) stays as it is. */
    public void create(String cycleId, int threshold, Map<String, Map<Relationship, Integer>> invited) {
        List<Ballot> ballots = new ArrayList<>();
        invited.forEach((subjectId, counts) -> ballots.add(new Ballot(
                Ballot.idOf(cycleId, subjectId),
                cycleId,
                subjectId,
                threshold,
                new EnumMap<>(counts.isEmpty() ? Map.of() : counts),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                false,
                0L,
                false)));
        if (ballots.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Ballot.class)
                    .insert(ballots)
                    .execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        } catch (DuplicateKeyException alreadyCreated) {
            // a retried open: the ballots of the first attempt stay
        }
    }

    /**
     * Counts a response and holds its answers, in one conditional update; a second one for the same
     * request, or one after the seal, changes nothing.
     *
     * @param payload the FeedbackSubmitted record value, its answers sealed with the subject's key
     */
    public Outcome accept(
            String cycleId,
            String subjectId,
            String requestId,
            Relationship relationship,
            String eventId,
            String payload) {
        Ballot.Held held = new Ballot.Held(UUID.randomUUID().toString(), eventId, relationship, payload);
        Update update = new Update()
                .push("held")
                .sort(org.springframework.data.domain.Sort.by("key"))
                .each(held)
                .push("tokens")
                .sort(org.springframework.data.domain.Sort.Direction.ASC)
                .each(submitted(requestId))
                .inc("responded." + relationship.name(), 1)
                .inc("version", 1)
                .set("due", true);
        Outcome outcome = decide(cycleId, subjectId, requestId, update);
        if (outcome == Outcome.ACCEPTED) {
            due.ring();
        }
        return outcome;
    }

    Wakeup dueSignal() {
        return due;
    }

    /** Counts a decline (it holds nothing); exclusive with a response of the same request. */
    public Outcome decline(String cycleId, String subjectId, String requestId, Relationship relationship) {
        Update update = new Update()
                .push("tokens")
                .sort(org.springframework.data.domain.Sort.Direction.ASC)
                .each(declined(requestId))
                .inc("declined." + relationship.name(), 1)
                .inc("version", 1);
        return decide(cycleId, subjectId, requestId, update);
    }

    private Outcome decide(String cycleId, String subjectId, String requestId, Update update) {
        String submitted = submitted(requestId);
        String declined = declined(requestId);
        Query open = Query.query(where("_id")
                .is(Ballot.idOf(cycleId, subjectId))
                .and("sealed")
                .is(false)
                .and("tokens")
                .nin(submitted, declined));
        if (mongo.updateFirst(open, update, Ballot.class).getModifiedCount() == 1) {
            return Outcome.ACCEPTED;
        }
        Query why = Query.query(where("_id").is(Ballot.idOf(cycleId, subjectId)));
        why.fields().include("sealed", "tokens");
        org.bson.Document ballot = mongo.findOne(why, org.bson.Document.class, Ballot.COLLECTION);
        if (ballot == null) {
            return Outcome.NO_BALLOT;
        }
        List<String> tokens = ballot.getList("tokens", String.class, List.of());
        if (tokens.contains(submitted)) {
            return Outcome.ALREADY_SUBMITTED;
        }
        if (tokens.contains(declined)) {
            return Outcome.ALREADY_DECLINED;
        }
        return Outcome.SEALED;
    }

    /** The cut: after this returns no ballot of the cycle accepts anything; every one is due for its last batch. */
    public void sealAll(String cycleId) {
        mongo.updateMulti(
                Query.query(where("cycleId").is(cycleId).and("sealed").is(false)),
                new Update().set("sealed", true).set("due", true).inc("version", 1),
                Ballot.class);
        due.ring();
    }

    /** The counts of every subject's ballot of the cycle, by subject id. */
    public Map<String, Counts> counts(String cycleId) {
        Query query = Query.query(where("cycleId").is(cycleId));
        query.fields().include("subjectId", "threshold", "invited", "responded", "declined", "sealed");
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Ballot b : mongo.find(query, Ballot.class)) {
            counts.put(b.subjectId(), counts(b));
        }
        return counts;
    }

    /** The counts of the subject's ballots in the given cycles, by cycle id. */
    public Map<String, Counts> countsOfSubject(String subjectId, Collection<String> cycleIds) {
        Query query =
                Query.query(where("subjectId").is(subjectId).and("cycleId").in(cycleIds));
        query.fields().include("cycleId", "subjectId", "threshold", "invited", "responded", "declined", "sealed");
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Ballot b : mongo.find(query, Ballot.class)) {
            counts.put(b.cycleId(), counts(b));
        }
        return counts;
    }

    /** Erasure of a subject: their ballots, with every answer about them still held, are gone. */
    public void deleteSubject(String subjectId) {
        mongo.remove(Query.query(where("subjectId").is(subjectId)), Ballot.class);
    }

    /** How many of a group's responses are published in all (see {@link BatchRule}). */
    public static int publishedAtClose(Relationship relationship, int responded, int threshold) {
        return BatchRule.publishedAtClose(relationship, responded, threshold);
    }

    private static Counts counts(Ballot b) {
        return new Counts(copy(b.invited()), copy(b.responded()), copy(b.declined()), b.threshold(), b.isSealed());
    }

    private static Map<Relationship, Integer> copy(Map<Relationship, Integer> counts) {
        Map<Relationship, Integer> copy = new EnumMap<>(Relationship.class);
        if (counts != null) {
            copy.putAll(counts);
        }
        return copy;
    }

    private String submitted(String requestId) {
        return dataKey.token("submitted|" + requestId);
    }

    private String declined(String requestId) {
        return dataKey.token("declined|" + requestId);
    }
}
