package io.lead360.analytics.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only {@code audit_log} of analytics-service. Entries are only ever inserted: nothing
 * here updates or deletes one (and a rebuild leaves the log alone). An entry names who did what to
 * which object, with ids as details; never a score, a comment or a token.
 */
@Component
public class AuditLog {

    static final String COLLECTION = "audit_log";
    /** The object of a profile read or a report export: a subject's profile. */
    public static final String PROFILE = "PROFILE";
    /** The object of a rebuild: all profiles, by the rebuild's id. */
    public static final String PROFILES = "PROFILES";

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public AuditEntry record(
            String actorId, AuditAction action, String targetType, String targetId, Map<String, String> details) {
        var entry = new AuditEntry(
                UUID.randomUUID().toString(), clock.instant(), actorId, action, targetType, targetId, details);
        var detailDoc = new Document();
        entry.details().forEach(detailDoc::append);
        log().insertOne(new Document("_id", entry.id())
                .append("at", Date.from(entry.at()))
                .append("actorId", entry.actorId())
                .append("action", entry.action().name())
                .append("targetType", entry.targetType())
                .append("targetId", entry.targetId())
                .append("details", detailDoc));
        return entry;
    }

    /** Newest first. Filter values are compared as plain values, so nothing in them acts as an operator. */
    public List<AuditEntry> find(AuditQuery query) {
        var filters = new ArrayList<Bson>();
        if (query.action() != null) {
            filters.add(Filters.eq("action", query.action().name()));
        }
        if (query.actorId() != null) {
            filters.add(Filters.eq("actorId", query.actorId()));
        }
        if (query.targetId() != null) {
            filters.add(Filters.eq("targetId", query.targetId()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("at", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("at", Date.from(query.to())));
        }
        var found = new ArrayList<AuditEntry>();
        log().find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("at"))
                .limit(query.limit())
                .forEach(doc -> found.add(toEntry(doc)));
        return found;
    }

    private static AuditEntry toEntry(Document doc) {
        var details = new LinkedHashMap<String, String>();
        Document detailDoc = doc.get("details", Document.class);
        if (detailDoc != null) {
            detailDoc.forEach((key, value) -> details.put(key, String.valueOf(value)));
        }
        return new AuditEntry(
                doc.getString("_id"),
                doc.getDate("at").toInstant(),
                doc.getString("actorId"),
                AuditAction.valueOf(doc.getString("action")),
                doc.getString("targetType"),
                doc.getString("targetId"),
                details);
    }

    private MongoCollection<Document> log() {
        return mongo.getCollection(COLLECTION);
    }
}
