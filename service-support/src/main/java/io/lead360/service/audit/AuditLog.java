package io.lead360.service.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The append-only {@code audit_log} of a service (a bean from {@link AuditAutoConfiguration}). Entries are
 * only ever inserted: nothing in lead360 updates or deletes one. An entry names who did what to which
 * object, with counts or ids as details; never an answer, a score, a comment or a secret. Filter values are
 * compared as plain values, so nothing in them acts as an operator.
 */
public class AuditLog {

    /** What a service's own enum of audit actions implements; the log stores the constant's name. */
    public interface Action {
        String name();
    }

    /** The actor of actions lead360 takes on its own (e.g. a scheduled close). */
    public static final String SYSTEM = "system";

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The indexes of the newest-first reads (by time, by target, by actor); run once at startup. */
    public void createIndexes() {
        var indexes = mongo.indexOps(AuditEntry.COLLECTION);
        indexes.createIndex(new Index("at", Sort.Direction.DESC).named("at"));
        indexes.createIndex(new Index("targetId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC)
                .named("targetId_at"));
        indexes.createIndex(new Index("actorId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC)
                .named("actorId_at"));
    }

    public AuditEntry record(
            String actorId, Action action, String targetType, String targetId, Map<String, ?> details) {
        return insert(UUID.randomUUID().toString(), actorId, action, targetType, targetId, details);
    }

    /**
     * Records an action that may be retried (e.g. an erasure run again to finish it) exactly once: the
     * entry's id derives from the action and its target, so the unique {@code _id} refuses a second one.
     */
    public void recordOnce(String actorId, Action action, String targetType, String targetId, Map<String, ?> details) {
        String id = UUID.nameUUIDFromBytes(
                        (action.name() + "|" + targetType + "|" + targetId).getBytes(StandardCharsets.UTF_8))
                .toString();
        try {
            insert(id, actorId, action, targetType, targetId, details);
        } catch (DuplicateKeyException alreadyRecorded) {
            // an earlier run recorded it
        }
    }

    /** Entries matching every given filter, newest first. */
    public List<AuditEntry> find(AuditQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.action() != null) {
            criteria.and("action").is(filter.action());
        }
        if (filter.actorId() != null) {
            criteria.and("actorId").is(filter.actorId());
        }
        if (filter.targetId() != null) {
            criteria.and("targetId").is(filter.targetId());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = criteria.and("at");
            if (filter.from() != null) {
                at.gte(filter.from());
            }
            if (filter.to() != null) {
                at.lt(filter.to());
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")));
        if (filter.limit() != Integer.MAX_VALUE) {
            query.limit(filter.limit());
        }
        return mongo.find(query, AuditEntry.class);
    }

    /**
     * What a service's {@code GET /api/audit} answers: the raw parameters checked against its actions
     * (a 400 naming each bad one), the matching entries newest first, as the API shows them.
     */
    public List<AuditView> search(Collection<? extends Action> actions, AuditFilter filter) {
        return find(AuditQuery.parse(
                        actions,
                        filter.action(),
                        filter.actorId(),
                        filter.targetId(),
                        filter.from(),
                        filter.to(),
                        filter.limit()))
                .stream()
                .map(AuditView::of)
                .toList();
    }

    private AuditEntry insert(
            String id, String actorId, Action action, String targetType, String targetId, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry(
                id,
                clock.instant(),
                actorId,
                action.name(),
                targetType,
                targetId,
                details == null ? Map.of() : Map.copyOf(details));
        // the stored fields are the entry's own, without Spring Data's _class: the collection says the type
        Document stored = new Document();
        mongo.getConverter().write(entry, stored);
        stored.remove("_class");
        mongo.insert(stored, AuditEntry.COLLECTION);
        return entry;
    }
}
