package io.lead360.feedback.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only log of administrator actions. Entries are only ever inserted: nothing in
 * lead360 updates or deletes one. An entry names who did what to which object, with counts or
 * ids as details; never an answer, a comment or a secret.
 */
@Component
public class AuditLog {

    /** The actor of actions lead360 takes on its own (e.g. a scheduled close). */
    public static final String SYSTEM = "system";

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public AuditEntry record(String actorId, String action, String targetType, String targetId,
                             Map<String, Object> details) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actorId, action,
                targetType, targetId, details == null ? Map.of() : Map.copyOf(details));
        return mongo.insert(entry);
    }
}
