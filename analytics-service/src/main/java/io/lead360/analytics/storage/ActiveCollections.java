package io.lead360.analytics.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which collections the read side serves from and the consumers write to: one small document
 * ({@code settings}, {@code _id = "collections"}). Switching after a rebuild is a single-document
 * update, so readers see either the old set or the new one, never a mix.
 */
@Component
public class ActiveCollections {

    static final String COLLECTION = "settings";
    static final String ID = "collections";
    private static final String CHANGES = "profileChanges";

    private final MongoTemplate mongo;

    public ActiveCollections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The set profiles are served from. */
    public CollectionSet active() {
        return served().set();
    }

    /**
     * The set profiles are served from and how many changes to what released profiles show it has
     * seen ({@link #profilesChanged}), in one read: a view computed after this read may be kept
     * under it, since every later such change moves one of the two.
     */
    public Served served() {
        Document doc = settings().find(Filters.eq("_id", ID)).first();
        if (doc == null) {
            return new Served(CollectionSet.INITIAL, 0);
        }
        Number changes = doc.get(CHANGES, Number.class);
        return new Served(
                toSet(doc.get("active", Document.class), CollectionSet.INITIAL),
                changes == null ? 0 : changes.longValue());
    }

    /**
     * Counts a change to what a released profile may show that leaves the set as it is: an erasure
     * or a cycle event. Called after the change is written, so that a view read before it is kept
     * under the old count only. Shared by every instance through the database.
     */
    public void profilesChanged() {
        var update = new Document("$inc", new Document(CHANGES, 1L));
        try {
            settings().updateOne(Filters.eq("_id", ID), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // two first changes raced to create the document: the other one's insert counts, this one adds to it
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            settings().updateOne(Filters.eq("_id", ID), update);
        }
    }

    /**
     * @param set     the collections profiles are read from
     * @param changes erasures and cycle events applied so far, any set (never reset)
     */
    public record Served(CollectionSet set, long changes) {}

    /**
     * Where live events go: the active set and, while a rebuild runs, its set too, so that events
     * arriving after the rebuild took its snapshot of the topics' end are not missed.
     */
    public List<CollectionSet> writeTargets() {
        Document doc = settings().find(Filters.eq("_id", ID)).first();
        var targets = new ArrayList<CollectionSet>();
        targets.add(
                doc == null ? CollectionSet.INITIAL : toSet(doc.get("active", Document.class), CollectionSet.INITIAL));
        CollectionSet building = doc == null ? null : toSet(doc.get("building", Document.class), null);
        if (building != null && !building.equals(targets.get(0))) {
            targets.add(building);
        }
        return targets;
    }

    public void startBuilding(CollectionSet set) {
        settings()
                .updateOne(
                        Filters.eq("_id", ID),
                        new Document("$set", new Document("building", toDocument(set))),
                        new UpdateOptions().upsert(true));
    }

    /** Makes {@code set} the active one and ends the dual writes, in one atomic update. */
    public void switchTo(CollectionSet set) {
        settings()
                .updateOne(
                        Filters.eq("_id", ID),
                        new Document("$set", new Document("active", toDocument(set)))
                                .append("$unset", new Document("building", "")),
                        new UpdateOptions().upsert(true));
    }

    /** Ends the dual writes of a rebuild that failed; the active set stays. */
    public void abandon(CollectionSet set) {
        settings()
                .updateOne(
                        Filters.and(Filters.eq("_id", ID), Filters.eq("building.aggregates", set.aggregates())),
                        new Document("$unset", new Document("building", "")));
    }

    private static Document toDocument(CollectionSet set) {
        return new Document("aggregates", set.aggregates()).append("cycles", set.cycles());
    }

    private static CollectionSet toSet(Document doc, CollectionSet fallback) {
        return doc == null ? fallback : new CollectionSet(doc.getString("aggregates"), doc.getString("cycles"));
    }

    private MongoCollection<Document> settings() {
        return mongo.getCollection(COLLECTION);
    }
}
