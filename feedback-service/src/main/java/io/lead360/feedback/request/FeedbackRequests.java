package io.lead360.feedback.request;

import com.mongodb.MongoBulkWriteException;
import io.lead360.events.ReminderDue;
import io.lead360.events.Relationship;
import io.lead360.feedback.outbox.OutboxEntries;
import io.lead360.feedback.outbox.OutboxEntry;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** What the cycle feature needs from requests: create them when a cycle opens, count them, remind them. */
@Component
public class FeedbackRequests {

    /** Per status counts of one subject and relationship; {@code responseRate} = responded / invited. */
    public record Tally(int invited, int responded, int declined, double responseRate) {

        static Tally of(int invited, int responded, int declined) {
            double rate = invited == 0 ? 0.0 : BigDecimal.valueOf(responded)
                    .divide(BigDecimal.valueOf(invited), 2, RoundingMode.HALF_UP).doubleValue();
            return new Tally(invited, responded, declined, rate);
        }
    }

    private static final int DUPLICATE_KEY = 11000;
    private static final int INSERT_CHUNK = 5000;

    private final MongoTemplate mongo;
    private final OutboxEntries outbox;
    private final Clock clock;

    FeedbackRequests(MongoTemplate mongo, OutboxEntries outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Inserts the requests in unordered bulks; one that already exists (same deterministic id, from
     * an earlier attempt to open this cycle) is skipped, so a retried open changes nothing.
     */
    public void createAll(String cycleId, List<NewRequest> requests) {
        for (int from = 0; from < requests.size(); from += INSERT_CHUNK) {
            List<FeedbackRequest> chunk = requests.subList(from, Math.min(requests.size(), from + INSERT_CHUNK))
                    .stream()
                    .map(r -> new FeedbackRequest(r.id(), cycleId, r.subjectId(), r.raterId(), r.relationship(),
                            RequestStatus.PENDING, null, null, List.of(), List.of()))
                    .toList();
            try {
                mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FeedbackRequest.class).insert(chunk).execute();
            } catch (BulkOperationException e) {
                if (e.getErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                    throw e;
                }
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (!(e.getCause() instanceof MongoBulkWriteException bulk)
                        || bulk.getWriteErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A cycle closed: the drafts and decline reasons of its requests are deleted, so that nothing
     * stored afterwards ties a rater to anything they wrote.
     *
     * @return how many requests lost a draft or a reason
     */
    public long forgetRaterNotes(Collection<String> cycleIds) {
        if (cycleIds.isEmpty()) {
            return 0;
        }
        Query query = Query.query(where("cycleId").in(cycleIds).orOperator(
                where(FeedbackRequest.DRAFT).exists(true), where(FeedbackRequest.DECLINE_REASON).exists(true)));
        return mongo.updateMulti(query, new Update().unset(FeedbackRequest.DRAFT).unset(FeedbackRequest.DECLINE_REASON),
                FeedbackRequest.COLLECTION).getModifiedCount();
    }

    /** Rater id to their PENDING requests in the given (open) cycles: the rater burden so far. */
    public Map<String, Integer> openLoad(Collection<String> openCycleIds) {
        Map<String, Integer> load = new HashMap<>();
        if (openCycleIds.isEmpty()) {
            return load;
        }
        Query query = Query.query(where("cycleId").in(openCycleIds).and("status").is(RequestStatus.PENDING));
        query.fields().include("raterId");
        mongo.find(query, org.bson.Document.class, FeedbackRequest.COLLECTION)
                .forEach(d -> load.merge(d.getString("raterId"), 1, Integer::sum));
        return load;
    }

    /** Subject id to relationship to counts, for every subject with requests in the cycle. */
    public Map<String, Map<Relationship, Tally>> tally(String cycleId) {
        Query query = Query.query(where("cycleId").is(cycleId));
        query.fields().include("subjectId", "relationship", "status");
        Map<String, Map<Relationship, int[]>> counts = new LinkedHashMap<>();
        for (FeedbackRequest r : mongo.find(query, FeedbackRequest.class)) {
            int[] c = counts.computeIfAbsent(r.subjectId(), s -> new EnumMap<>(Relationship.class))
                    .computeIfAbsent(r.relationship(), rel -> new int[3]);
            c[0]++;
            if (r.status() == RequestStatus.SUBMITTED) {
                c[1]++;
            } else if (r.status() == RequestStatus.DECLINED) {
                c[2]++;
            }
        }
        Map<String, Map<Relationship, Tally>> result = new LinkedHashMap<>();
        counts.forEach((subject, byRel) -> {
            Map<Relationship, Tally> tallies = new EnumMap<>(Relationship.class);
            byRel.forEach((rel, c) -> tallies.put(rel, Tally.of(c[0], c[1], c[2])));
            result.put(subject, tallies);
        });
        return result;
    }

    /** An administrator's "remind now": a ReminderDue for every request of the cycle still PENDING. */
    public int remindPending(String cycleId, Instant closesAt) {
        int reminded = 0;
        for (String id : pendingIds(Query.query(where("cycleId").is(cycleId).and("status").is(RequestStatus.PENDING)))) {
            Query stillPending = Query.query(where("_id").is(id).and("status").is(RequestStatus.PENDING));
            if (mongo.updateFirst(stillPending, new Update().push(OutboxEntry.FIELD, reminder(cycleId, id, closesAt)),
                    FeedbackRequest.class).getModifiedCount() > 0) {
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * A scheduled reminder point has passed: one ReminderDue per request still PENDING that has not
     * had it. The point is recorded on the request in the same conditional update that pushes the
     * event, so neither a second round nor a second instance reminds twice, and a request answered
     * or declined meanwhile matches nothing.
     *
     * @param point   the latest point that passed (e.g. "PT24H")
     * @param passed  every point that passed, recorded too so that a late round sends one reminder, not a burst
     */
    public int remindAtPoint(String cycleId, Instant closesAt, String point, List<String> passed) {
        int reminded = 0;
        Query due = Query.query(where("cycleId").is(cycleId).and("status").is(RequestStatus.PENDING)
                .and(FeedbackRequest.REMINDERS_SENT).ne(point));
        for (String id : pendingIds(due)) {
            Query stillDue = Query.query(where("_id").is(id).and("status").is(RequestStatus.PENDING)
                    .and(FeedbackRequest.REMINDERS_SENT).ne(point));
            Update update = new Update().addToSet(FeedbackRequest.REMINDERS_SENT).each(passed.toArray())
                    .push(OutboxEntry.FIELD, reminder(cycleId, id, closesAt));
            if (mongo.updateFirst(stillDue, update, FeedbackRequest.class).getModifiedCount() > 0) {
                reminded++;
            }
        }
        return reminded;
    }

    private List<String> pendingIds(Query query) {
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, FeedbackRequest.COLLECTION).stream()
                .map(d -> String.valueOf(d.get("_id"))).toList();
    }

    private OutboxEntry reminder(String cycleId, String requestId, Instant closesAt) {
        return outbox.of(new ReminderDue(UUID.randomUUID(), ReminderDue.VERSION, clock.instant(), cycleId, requestId,
                closesAt));
    }
}
