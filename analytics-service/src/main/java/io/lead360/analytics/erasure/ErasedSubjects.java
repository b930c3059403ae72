package io.lead360.analytics.erasure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The ids of erased people ({@code erased_subjects}, {@code _id} = person id, nothing else). Kept
 * outside the rebuildable collection sets: events about a person can arrive after their erasure
 * (the cycle events travel on another topic, a replay reaches them in any order, a rebuild runs
 * beside the live listener), and each such write is checked against this list, so that the
 * erasure stays final. An id alone, of a person who no longer exists anywhere, says nothing about
 * them.
 */
@Component
public class ErasedSubjects {

    static final String COLLECTION = "erased_subjects";

    private final MongoTemplate mongo;

    public ErasedSubjects(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: erasing twice leaves one entry. */
    public void record(String personId) {
        erased().replaceOne(
                        Filters.eq("_id", personId), new Document("_id", personId), new ReplaceOptions().upsert(true));
    }

    /** Which of the given ids belong to erased people; one query. */
    public Set<String> amongst(Collection<String> personIds) {
        var found = new HashSet<String>();
        if (personIds.isEmpty()) {
            return found;
        }
        erased().find(Filters.in("_id", personIds)).forEach(doc -> found.add(doc.getString("_id")));
        return found;
    }

    private MongoCollection<Document> erased() {
        return mongo.getCollection(COLLECTION);
    }
}
