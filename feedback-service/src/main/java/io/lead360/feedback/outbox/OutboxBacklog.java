package io.lead360.feedback.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** What waits in the outboxes of cycles and erasures: read for the operator's gauges, never for publishing. */
@Component
public class OutboxBacklog {

    /** Entries waiting in one collection's outboxes, and when the oldest of them was written (null: none, or unknown). */
    public record Waiting(long entries, Instant oldestWrittenAt) {}

    private final MongoTemplate mongo;

    OutboxBacklog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** By collection ({@code cycles}, {@code erasures}); only the documents with a waiting entry, only their times. */
    public Map<String, Waiting> waiting() {
        Map<String, Waiting> waiting = new LinkedHashMap<>();
        for (String collection : OutboxPublisher.COLLECTIONS) {
            Query pending = Query.query(where(OutboxEntry.FIELD + ".0").exists(true));
            pending.fields().include(OutboxEntry.FIELD + "." + OutboxEntry.WRITTEN_AT);
            long entries = 0;
            Instant oldest = null;
            for (Document document : mongo.find(pending, Document.class, collection)) {
                for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                    entries++;
                    Date writtenAt = entry.getDate(OutboxEntry.WRITTEN_AT);
                    if (writtenAt != null
                            && (oldest == null || writtenAt.toInstant().isBefore(oldest))) {
                        oldest = writtenAt.toInstant();
                    }
                }
            }
            waiting.put(collection, new Waiting(entries, oldest));
        }
        return waiting;
    }
}
