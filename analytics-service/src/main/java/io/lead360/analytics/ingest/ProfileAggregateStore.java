package io.lead360.analytics.ingest;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code profile_aggregates} collection, {@code _id = <cycleId>:<subjectId>}. Each submission
 * is applied exactly once by one conditional upsert: the filter excludes documents that already
 * list the event id, so a redelivery matches nothing and its upsert collides with the existing
 * {@code _id} (E11000) – the database decides, nothing is checked first.
 */
@Component
public class ProfileAggregateStore {

    static final String COLLECTION = "profile_aggregates";

    private final MongoTemplate mongo;

    public ProfileAggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true if this call applied the event, false if it had been applied before */
    public boolean apply(FeedbackSubmitted event) {
        String eventId = event.eventId().toString();
        Bson filter = Filters.and(Filters.eq("_id", id(event.cycleId(), event.subjectId())),
                Filters.ne("appliedEvents", eventId));
        Document update = updateFor(event, eventId);
        try {
            aggregates().updateOne(filter, update, new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // E11000 means "already applied" – or, on a real MongoDB, two first events for the same
            // document raced to insert it. The same filter without upsert tells them apart: it
            // matches only if the event is still missing from an existing document.
            return aggregates().updateOne(filter, update).getModifiedCount() == 1;
        }
    }

    public ProfileAggregate find(String cycleId, String subjectId) {
        Document doc = aggregates().find(Filters.eq("_id", id(cycleId, subjectId))).first();
        if (doc == null || doc.get("groups", Document.class) == null) {
            return ProfileAggregate.EMPTY;
        }
        var groups = new EnumMap<Relationship, ProfileAggregate.GroupTally>(Relationship.class);
        doc.get("groups", Document.class).forEach((relationship, value) ->
                groups.put(Relationship.valueOf(relationship), toGroup((Document) value)));
        return new ProfileAggregate(groups);
    }

    private static Document updateFor(FeedbackSubmitted event, String eventId) {
        String group = "groups." + event.relationship().name();
        var inc = new Document(group + ".n", 1);
        event.ratings().forEach((itemId, score) -> {
            if (score != null) {
                String item = group + ".items." + itemId;
                inc.append(item + ".sum", score).append(item + ".count", 1).append(item + ".hist." + score, 1);
            }
        });
        var push = new Document();
        if (event.comments() != null) {
            event.comments().forEach((questionId, text) -> {
                if (text != null && !text.isBlank()) {
                    push.append(group + ".comments." + questionId, text.strip());
                }
            });
        }
        var update = new Document("$inc", inc)
                .append("$set", new Document("cycleId", event.cycleId()).append("subjectId", event.subjectId()))
                .append("$addToSet", new Document("appliedEvents", eventId));
        if (!push.isEmpty()) {
            update.append("$push", push);
        }
        return update;
    }

    private static ProfileAggregate.GroupTally toGroup(Document group) {
        var items = new HashMap<String, ProfileAggregate.ItemTally>();
        Document itemDocs = group.get("items", Document.class);
        if (itemDocs != null) {
            itemDocs.forEach((itemId, value) -> {
                Document item = (Document) value;
                items.put(itemId, new ProfileAggregate.ItemTally(number(item.get("sum")), number(item.get("count"))));
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
        return new ProfileAggregate.GroupTally((int) number(group.get("n")), items, comments);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String id(String cycleId, String subjectId) {
        return cycleId + ":" + subjectId;
    }

    private MongoCollection<Document> aggregates() {
        return mongo.getCollection(COLLECTION);
    }
}
