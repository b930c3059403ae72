package io.lead360.feedback.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The append-only log of administrator actions. Entries are only ever inserted: nothing in
 * lead360 updates or deletes one. An entry names who did what to which object, with counts or
 * ids as details; never an answer, a comment or a secret.
 */
@Component
public class AuditLog implements InitializingBean {

    /** The actor of actions lead360 takes on its own (e.g. a scheduled close). */
    public static final String SYSTEM = "system";

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
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
            String actorId, String action, String targetType, String targetId, Map<String, Object> details) {
        return insert(UUID.randomUUID().toString(), actorId, action, targetType, targetId, details);
    }

    /**
     * Records an action that may be retried (e.g. an erasure run again to finish it) exactly once:
     * the entry's id derives from the action and its target, so the unique {@code _id} refuses a
     * second one.
     */
    public void recordOnce(
            String actorId, String action, String targetType, String targetId, Map<String, Object> details) {
        String id = UUID.nameUUIDFromBytes(
                        (action + "|" + targetType + "|" + targetId).getBytes(StandardCharsets.UTF_8))
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

    private AuditEntry insert(
            String id, String actorId, String action, String targetType, String targetId, Map<String, Object> details) {
        AuditEntry entry = new AuditEntry(
                id,
                clock.instant(),
                actorId,
                action,
                targetType,
                targetId,
                details == null ? Map.of() : Map.copyOf(details));
        return mongo.insert(entry);
    }
}
