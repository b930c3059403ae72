package io.lead360.service.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored entry of the audit log: who ({@code actorId}), what ({@code action}, the name of one of the
 * service's {@link AuditLog.Action}s), on which object, when. Details hold counts or ids, never an answer,
 * a score, a comment or a secret.
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(
        @Id String id,
        Instant at,
        String actorId,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details) {

    public static final String COLLECTION = "audit_log";
}
