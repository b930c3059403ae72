package io.lead360.analytics.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit log as the API shows it: who did what to which object, when. Details hold
 * ids only (e.g. the cycle), never a score or a comment.
 */
public record AuditEntry(
        String id,
        Instant at,
        String actorId,
        AuditAction action,
        String targetType,
        String targetId,
        Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
