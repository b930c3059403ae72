package io.lead360.feedback.request;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import io.lead360.feedback.cycle.CycleRequests;
import io.lead360.feedback.cycle.NewRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The cycle feature's {@link CycleRequests}: create them when a cycle opens, their load, their notes, who still owes an answer. */
@Component
class FeedbackRequests implements CycleRequests {

    private static final int DUPLICATE_KEY = 11000;
    private static final int INSERT_CHUNK = 5000;

    private final MongoTemplate mongo;

    FeedbackRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Inserts the requests with random ids in unordered bulks; one that already exists for the same
     * cycle, subject and rater (an earlier attempt to open this cycle) is refused by the unique index
     * and skipped, so a retried open changes nothing.
     */
    @Override
    public void createAll(String cycleId, List<NewRequest> requests) {
        for (int from = 0; from < requests.size(); from += INSERT_CHUNK) {
            List<FeedbackRequest> chunk =
                    requests.subList(from, Math.min(requests.size(), from + INSERT_CHUNK)).stream()
                            .map(r -> new FeedbackRequest(
                                    UUID.randomUUID().toString(),
                                    cycleId,
                                    r.subjectId(),
                                    r.raterId(),
                                    r.relationship(),
                                    RequestStatus.PENDING,
                                    null,
                                    null))
                            .toList();
            try {
                mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FeedbackRequest.class)
                        .insert(chunk)
                        .execute();
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
     * stored afterwards holds anything a rater wrote, not even sealed.
     *
     * @return how many requests lost a draft or a reason
     */
    @Override
    public long forgetRaterNotes(Collection<String> cycleIds) {
        if (cycleIds.isEmpty()) {
            return 0;
        }
        Query query = Query.query(where("cycleId")
                .in(cycleIds)
                .orOperator(
                        where(FeedbackRequest.DRAFT).exists(true),
                        where(FeedbackRequest.DECLINE_REASON).exists(true)));
        return mongo.updateMulti(
                        query,
                        new Update().unset(FeedbackRequest.DRAFT).unset(FeedbackRequest.DECLINE_REASON),
                        FeedbackRequest.COLLECTION)
                .getModifiedCount();
    }

    /** Rater id to their PENDING requests in the given (open) cycles: the rater burden so far. */
    @Override
    public Map<String, Integer> openLoad(Collection<String> openCycleIds) {
        Map<String, Integer> load = new HashMap<>();
        if (openCycleIds.isEmpty()) {
            return load;
        }
        Query query =
                Query.query(where("cycleId").in(openCycleIds).and("status").is(RequestStatus.PENDING));
        query.fields().include("raterId");
        mongo.find(query, org.bson.Document.class, FeedbackRequest.COLLECTION)
                .forEach(d -> load.merge(d.getString("raterId"), 1, Integer::sum));
        return load;
    }

    /** Who still has a PENDING request in the cycle (for invitations and reminders only). */
    @Override
    public Set<String> pendingRaters(String cycleId) {
        return new LinkedHashSet<>(mongo.findDistinct(
                Query.query(where("cycleId").is(cycleId).and("status").is(RequestStatus.PENDING)),
                "raterId",
                FeedbackRequest.class,
                String.class));
    }

    /** The rater's requests of the cycle still PENDING, in a stable order. */
    @Override
    public List<Pending> pendingOf(String cycleId, String raterId) {
        Query query = Query.query(where("cycleId")
                        .is(cycleId)
                        .and("raterId")
                        .is(raterId)
                        .and("status")
                        .is(RequestStatus.PENDING))
                .with(Sort.by("_id"));
        return mongo.find(query, FeedbackRequest.class).stream()
                .map(r -> new Pending(r.id(), r.subjectId(), r.relationship()))
                .toList();
    }

    /** How many requests of the cycle are still PENDING (counts, never who). */
    @Override
    public long pendingCount(String cycleId) {
        return mongo.count(
                Query.query(where("cycleId").is(cycleId).and("status").is(RequestStatus.PENDING)),
                FeedbackRequest.COLLECTION);
    }
}
