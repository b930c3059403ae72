package io.lead360.feedback.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One administrator action: who ({@code actorId}), what ({@code action}), on which object, when. */
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
