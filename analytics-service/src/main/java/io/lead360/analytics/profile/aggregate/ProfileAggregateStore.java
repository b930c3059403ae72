package io.lead360.analytics.profile.aggregate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.RatingScale;
import io.lead360.events.Relationship;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.stereotype.Component;

/**
 * The {@code profile_aggregates} collection, {@code _id = <cycleId>:<subjectId>}. Each submission
 * is applied exactly once by one conditional upsert: the filter excludes documents that already
 * list the event id, so a redelivery matches nothing and its upsert collides with the existing
 * {@code _id} (E11000) – the database decides, nothing is checked first.
 */
@Component
public class ProfileAggregateStore {

    /** A read leaves the applied event ids in the store: one per response, a profile needs none of them. */
    private static final Bson COUNTS_ONLY = Projections.exclude("appliedEvents");

    private final MongoTemplate mongo;
    private final ActiveCollections collections;

    public ProfileAggregateStore(MongoTemplate mongo, ActiveCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** @return true if this call applied the event, false if it had been applied before */
    public boolean apply(CountedResponse event) {
        boolean applied = false;
        List<CollectionSet> targets = collections.writeTargets();
        for (int i = 0; i < targets.size(); i++) {
            boolean appliedHere = apply(event, targets.get(i).aggregates());
            applied = i == 0 ? appliedHere : applied;
        }
        return applied;
    }

    private boolean apply(CountedResponse event, String collection) {
        Bson filter = filterFor(event);
        Document update = updateFor(event);
        try {
            aggregates(collection).updateOne(filter, update, new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return appliedAfterCollision(collection, filter, update);
        }
    }

    /**
     * Applies the events with one unordered bulk write of one update per subject: the updates
     * commute ({@code $inc}, {@code $push} of comments into sorted arrays, {@code $addToSet}), so a
     * subject's events of the batch fold into one update, and a poll costs one document rewrite per
     * subject instead of one per event. The folded update keeps the conditional filter (none of its
     * event ids listed yet), so idempotency is still decided by the database; when some of them had
     * been applied before, that subject's events are applied one by one, each deciding for itself.
     *
     * @return per event, in order: true = applied now, false = applied before (or twice in the batch)
     * @throws BulkApplyException naming the first event whose write failed for another reason
     */
    public boolean[] applyAll(List<? extends CountedResponse> events, CollectionSet target) {
        var outcome = new boolean[events.size()];
        if (events.isEmpty()) {
            return outcome;
        }
        List<SubjectEvents> bySubject = bySubject(events, outcome);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, target.aggregates());
        for (SubjectEvents subject : bySubject) {
            bulk.upsert(new BasicQuery(subject.filter()), new BasicUpdate(subject.update()));
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            int firstFailure = Integer.MAX_VALUE;
            RuntimeException failure = null;
            for (BulkWriteError error : e.getErrors()) {
                SubjectEvents subject = bySubject.get(error.getIndex());
                if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    for (int index : subject.indexes()) {
                        outcome[index] = apply(events.get(index), target.aggregates());
                    }
                } else if (subject.indexes().get(0) < firstFailure) {
                    firstFailure = subject.indexes().get(0);
                    failure = e;
                }
            }
            if (failure != null) {
                throw new BulkApplyException(firstFailure, failure);
            }
        }
        return outcome;
    }

    /**
     * The batch's events per subject and cycle, in order of first appearance; an event id seen
     * before in the batch is left out (its outcome stays false: applied before).
     */
    private static List<SubjectEvents> bySubject(List<? extends CountedResponse> events, boolean[] outcome) {
        var groups = new LinkedHashMap<String, SubjectEvents>();
        var seen = new HashSet<String>();
        for (int i = 0; i < events.size(); i++) {
            CountedResponse event = events.get(i);
            if (!seen.add(event.eventId())) {
                continue;
            }
            outcome[i] = true;
            groups.computeIfAbsent(
                            id(event.cycleId(), event.subjectId()),
                            id -> new SubjectEvents(
                                    event.cycleId(), event.subjectId(), new ArrayList<>(), new ArrayList<>()))
                    .add(i, event);
        }
        return new ArrayList<>(groups.values());
    }

    /** One subject's events of a batch, folded into one conditional upsert. */
    private record SubjectEvents(
            String cycleId, String subjectId, List<Integer> indexes, List<CountedResponse> events) {

        void add(int index, CountedResponse event) {
            indexes.add(index);
            events.add(event);
        }

        Document filter() {
            return new Document("_id", id(cycleId, subjectId))
                    .append("appliedEvents", new Document("$nin", eventIds()));
        }

        Document update() {
            var inc = new Document();
            var comments = new LinkedHashMap<String, List<String>>();
            for (CountedResponse event : events) {
                FeedbackSubmitted.Answers answers = event.answers();
                String group = "groups." + answers.relationship().name();
                inc.merge(group + ".n", 1, ProfileAggregateStore::sum);
                answers.ratings().forEach((itemId, score) -> {
                    if (score != null) {
                        String item = group + ".items." + itemId;
                        inc.merge(item + ".sum", score, ProfileAggregateStore::sum);
                        inc.merge(item + ".count", 1, ProfileAggregateStore::sum);
                        inc.merge(item + ".hist." + score, 1, ProfileAggregateStore::sum);
                    }
                });
                if (answers.comments() != null) {
                    answers.comments().forEach((questionId, text) -> {
                        if (text != null && !text.isBlank()) {
                            comments.computeIfAbsent(group + ".comments." + questionId, k -> new ArrayList<>())
                                    .add(text.strip());
                        }
                    });
                }
            }
            // Kept sorted at rest, not only when read: the stored order must not be the submission order.
            var push = new Document();
            comments.forEach((field, texts) -> push.append(field, new Document("$each", texts).append("$sort", 1)));
            var update = new Document("$inc", inc)
                    .append("$set", new Document("cycleId", cycleId).append("subjectId", subjectId))
                    .append("$addToSet", new Document("appliedEvents", new Document("$each", eventIds())));
            if (!push.isEmpty()) {
                update.append("$push", push);
            }
            return update;
        }

        private List<String> eventIds() {
            return events.stream().map(CountedResponse::eventId).toList();
        }
    }

    private static Object sum(Object a, Object b) {
        return ((Number) a).longValue() + ((Number) b).longValue();
    }

    /**
     * E11000 means "already applied" – or, on a real MongoDB, two first events for the same
     * document raced to insert it. The same filter without upsert tells them apart: it matches
     * only if the event is still missing from an existing document.
     */
    private boolean appliedAfterCollision(String collection, Bson filter, Document update) {
        return aggregates(collection).updateOne(filter, update).getModifiedCount() == 1;
    }

    /** Deletes the subject's aggregates of every cycle from the set (an erasure); idempotent. */
    public void deleteSubject(String subjectId, CollectionSet target) {
        aggregates(target.aggregates()).deleteMany(Filters.eq("subjectId", subjectId));
    }

    public ProfileAggregate find(String cycleId, String subjectId) {
        Document doc = aggregates(collections.active().aggregates())
                .find(Filters.eq("_id", id(cycleId, subjectId)))
                .projection(COUNTS_ONLY)
                .first();
        return toAggregate(doc);
    }

    /** Every subject's aggregate of one cycle, by subject id. */
    public Map<String, ProfileAggregate> findCycle(String cycleId) {
        var found = new HashMap<String, ProfileAggregate>();
        aggregates(collections.active().aggregates())
                .find(Filters.eq("cycleId", cycleId))
                .projection(COUNTS_ONLY)
                .forEach(doc -> found.put(doc.getString("subjectId"), toAggregate(doc)));
        return found;
    }

    private static ProfileAggregate toAggregate(Document doc) {
        if (doc == null || doc.get("groups", Document.class) == null) {
            return ProfileAggregate.EMPTY;
        }
        var groups = new EnumMap<Relationship, ProfileAggregate.GroupTally>(Relationship.class);
        doc.get("groups", Document.class)
                .forEach((relationship, value) ->
                        groups.put(Relationship.valueOf(relationship), toGroup((Document) value)));
        return new ProfileAggregate(groups);
    }

    private static Bson filterFor(CountedResponse event) {
        return Filters.and(
                Filters.eq("_id", id(event.cycleId(), event.subjectId())),
                Filters.ne("appliedEvents", event.eventId()));
    }

    /** From the opened answers only: the event itself holds them sealed. */
    private static Document updateFor(CountedResponse event) {
        FeedbackSubmitted.Answers answers = event.answers();
        String group = "groups." + answers.relationship().name();
        var inc = new Document(group + ".n", 1);
        answers.ratings().forEach((itemId, score) -> {
            if (score != null) {
                String item = group + ".items." + itemId;
                inc.append(item + ".sum", score).append(item + ".count", 1).append(item + ".hist." + score, 1);
            }
        });
        // Kept sorted at rest, not only when read: the stored order must not be the submission order.
        var push = new Document();
        if (answers.comments() != null) {
            answers.comments().forEach((questionId, text) -> {
                if (text != null && !text.isBlank()) {
                    push.append(
                            group + ".comments." + questionId,
                            new Document("$each", List.of(text.strip())).append("$sort", 1));
                }
            });
        }
        var update = new Document("$inc", inc)
                .append("$set", new Document("cycleId", event.cycleId()).append("subjectId", event.subjectId()))
                .append("$addToSet", new Document("appliedEvents", event.eventId()));
        if (!push.isEmpty()) {
            update.append("$push", push);
        }
        return update;
    }

    private static ProfileAggregate.GroupTally toGroup(Document group) {
        var items = new HashMap<String, ProfileAggregate.ItemTally>();
        var histograms = new HashMap<String, List<Long>>();
        Document itemDocs = group.get("items", Document.class);
        if (itemDocs != null) {
            itemDocs.forEach((itemId, value) -> {
                Document item = (Document) value;
                var histogram = new ArrayList<Long>();
                Document hist = item.get("hist", Document.class);
                for (int score = RatingScale.LOWEST; score <= RatingScale.HIGHEST; score++) {
                    histogram.add(hist == null ? 0 : number(hist.get(String.valueOf(score))));
                }
                items.put(itemId, new ProfileAggregate.ItemTally(number(item.get("sum")), number(item.get("count"))));
                histograms.put(itemId, histogram);
            });
        }
        var comments = new HashMap<String, List<String>>();
        Document commentDocs = group.get("comments", Document.class);
        if (commentDocs != null) {
            commentDocs.forEach((questionId, texts) -> {
                var list = new ArrayList<String>();
                ((List<?>) texts).forEach(text -> list.add(String.valueOf(text)));
                comments.put(questionId, list);
            });
        }
        return new ProfileAggregate.GroupTally((int) number(group.get("n")), items, comments, histograms);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String id(String cycleId, String subjectId) {
        return cycleId + ":" + subjectId;
    }

    private MongoCollection<Document> aggregates(String collection) {
        return mongo.getCollection(collection);
    }
}
